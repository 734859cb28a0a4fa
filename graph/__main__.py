from hankeverkko.graph.cli import main

main()
