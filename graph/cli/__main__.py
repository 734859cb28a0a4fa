from hankeverkko.graph.cli import main

main(prog_name="hankeverkko")
