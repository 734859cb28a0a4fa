/* hankeverkko network map: tooltips, search, filters and neighbourhood highlight.
   Every data-derived string reaches the page as a text node (textContent / value),
   never as markup. Exposes the vis Network as the global `network` (as pyvis does),
   its DataSets as `nodes` and `edges`, and helpers as `hankeverkko`. */
(function () {
"use strict";
var MAP = JSON.parse(document.getElementById("map-data").textContent);
var DIM = "#e4e4e4";

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  if (cls) { e.className = cls; }
  return e;
}

function euros(x) {
  return Math.round(x).toLocaleString("fi-FI") + " €";
}

function nodeInfo(n) {
  var box = el("div", null, "info");
  box.appendChild(el("strong", n.name));
  box.appendChild(el("div", n.typeLabel, "meta"));
  if (n.altLabels.length) { box.appendChild(el("div", "Also printed as: " + n.altLabels.join("; "), "meta")); }
  var facts = [n.partners + (n.partners === 1 ? " partner" : " partners"),
               n.projectCount + (n.projectCount === 1 ? " project" : " projects")];
  if (n.funding > 0) { facts.push(euros(n.funding) + " (" + n.fundingBasis + ")"); }
  if (n.group) { facts.push(n.group); }
  box.appendChild(el("div", facts.join(" · "), "meta"));
  if (n.projects.length) {
    var ul = el("ul");
    n.projects.slice(0, 12).forEach(function (p) {
      var li = el("li");
      li.appendChild(el("span", p.label));
      var extra = [];
      if (p.roles.length) { extra.push(p.roles.join(", ")); }
      if (p.themes.length) { extra.push(p.themes.join("; ")); }
      if (extra.length) { li.appendChild(el("span", " — " + extra.join(" · "), "meta")); }
      ul.appendChild(li);
    });
    if (n.projectCount > 12) { ul.appendChild(el("li", "… and " + (n.projectCount - 12) + " more", "meta")); }
    box.appendChild(ul);
  }
  return box;
}

function edgeInfo(e) {
  var box = el("div", null, "info");
  box.appendChild(el("strong", e.fromName + " — " + e.toName));
  box.appendChild(el("div", e.weight + (e.weight === 1 ? " shared project" : " shared projects"), "meta"));
  if (e.themes.length) { box.appendChild(el("div", e.themes.join("; "), "meta")); }
  if (e.projects.length) {
    var ul = el("ul");
    e.projects.slice(0, 10).forEach(function (p) { ul.appendChild(el("li", p)); });
    if (e.weight > 10) { ul.appendChild(el("li", "… and " + (e.weight - 10) + " more", "meta")); }
    box.appendChild(ul);
  }
  return box;
}

var byId = {};
MAP.nodes.forEach(function (n) { byId[n.id] = n; });
MAP.edges.forEach(function (e) { e.fromName = byId[e.from].name; e.toName = byId[e.to].name; });

var nodes = new vis.DataSet(MAP.nodes.map(function (n) {
  var item = {id: n.id, label: n.rank < MAP.labelTop ? n.name : "", value: n.value, color: n.color, title: nodeInfo(n),
              borderWidth: n.centre ? 5 : 1};
  if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
  return item;
}));
var edges = new vis.DataSet(MAP.edges.map(function (e, i) {
  return {id: i, from: e.from, to: e.to, width: e.width, title: edgeInfo(e)};
}));
var network = new vis.Network(document.getElementById("map"), {nodes: nodes, edges: edges}, MAP.options);
window.network = network;
window.nodes = nodes;
window.edges = edges;

var details = document.getElementById("details");
var statusBox = document.getElementById("status");
var search = document.getElementById("search");
var themeFilter = document.getElementById("theme-filter");
var typeFilter = document.getElementById("type-filter");
var periodFilter = document.getElementById("period-filter");
var highlighted = null;

function showDetails(id) {
  while (details.firstChild) { details.removeChild(details.firstChild); }
  if (id === null) { details.appendChild(el("p", "Click an organisation or find it by name.", "note")); return; }
  details.appendChild(nodeInfo(byId[id]));
}

function highlight(id) {
  var keep = {};
  keep[id] = true;
  network.getConnectedNodes(id).forEach(function (x) { keep[x] = true; });
  nodes.update(MAP.nodes.map(function (n) {
    return {id: n.id, color: keep[n.id] ? n.color : DIM, font: {color: keep[n.id] ? "#222222" : "#bbbbbb"}};
  }));
  highlighted = id;
  showDetails(id);
}

function unhighlight() {
  if (highlighted === null) { return; }
  nodes.update(MAP.nodes.map(function (n) { return {id: n.id, color: n.color, font: {color: "#222222"}}; }));
  highlighted = null;
  showDetails(null);
}

/* Labels by importance and zoom: at the scale the map opened with (or a filter fitted),
   the MAP.labelTop most important visible organisations are named; each doubling of
   the scale names four times as many (the area shown per organisation grows fourfold). */
var byRank = MAP.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
var baseScale = null, labelled = -1, visible = {};
MAP.nodes.forEach(function (n) { visible[n.id] = true; });

function labelLimit() {
  if (baseScale === null) { return MAP.labelTop; }
  var steps = Math.floor(Math.log(network.getScale() / baseScale) / Math.LN2 + 1e-9);
  return steps <= 0 ? MAP.labelTop : MAP.labelTop * Math.pow(4, steps);
}

function updateLabels(force) {
  var limit = labelLimit();
  if (limit === labelled && !force) { return; }
  labelled = limit;
  var k = 0, changes = [];
  byRank.forEach(function (n) {
    var on = visible[n.id] && k < limit;
    if (visible[n.id]) { k += 1; }
    changes.push({id: n.id, label: on ? n.name : ""});
  });
  nodes.update(changes);
}

function labelCount() {
  return nodes.get({filter: function (n) { return !n.hidden && n.label; }}).length;
}

function applyFilters() {
  var theme = themeFilter.value, type = typeFilter.value, period = periodFilter.value, shown = [];
  var types = type ? type.split("|") : [];
  nodes.update(MAP.nodes.map(function (n) {
    var show = (!theme || n.themes.indexOf(theme) >= 0) && (!type || types.indexOf(n.typeLabel) >= 0) &&
               (!period || n.periods.indexOf(period) >= 0);
    visible[n.id] = show;
    if (show) { shown.push(n.id); }
    return {id: n.id, hidden: !show};
  }));
  statusBox.textContent = (theme || type || period) ? shown.length + " of " + MAP.nodes.length + " organisations shown" : "";
  network.fit({nodes: shown.length ? shown : [], animation: false});   // zoom to what the filters keep
  baseScale = network.getScale();
  updateLabels(true);
  return shown.length;
}

function find(text) {
  var q = String(text).trim().toLowerCase();
  if (!q) { return null; }
  var exact = MAP.nodes.filter(function (n) {
    return n.name.toLowerCase() === q || n.altLabels.some(function (a) { return a.toLowerCase() === q; });
  });
  if (exact.length) { return exact[0]; }
  var part = MAP.nodes.filter(function (n) {
    return n.name.toLowerCase().indexOf(q) >= 0 || n.altLabels.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
  });
  return part.length ? part[0] : null;
}

function go() {
  var n = find(search.value);
  if (!n) { statusBox.textContent = search.value.trim() ? "No organisation matches." : ""; return; }
  if (nodes.get(n.id).hidden) { themeFilter.value = ""; typeFilter.value = ""; periodFilter.value = ""; applyFilters(); }
  network.selectNodes([n.id]);
  network.focus(n.id, {scale: 1.3, animation: false});
  highlight(n.id);
  statusBox.textContent = "";
}

var names = document.getElementById("organisation-names");
MAP.nodes.slice().sort(function (a, b) { return a.name.localeCompare(b.name, "fi"); }).forEach(function (n) {
  var option = document.createElement("option");
  option.value = n.name;
  names.appendChild(option);
});
search.addEventListener("change", go);
search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { go(); } });
themeFilter.addEventListener("change", applyFilters);
periodFilter.addEventListener("change", applyFilters);
typeFilter.addEventListener("change", applyFilters);
document.getElementById("reset").addEventListener("click", function () {
  themeFilter.value = ""; typeFilter.value = ""; periodFilter.value = ""; search.value = "";
  applyFilters(); unhighlight(); network.unselectAll();
});
network.on("zoom", function () { updateLabels(false); });
network.once("afterDrawing", function () {
  baseScale = network.getScale();
  if (themeFilter.value || typeFilter.value || periodFilter.value) { applyFilters(); }   // the map's own filters
});
network.on("click", function (params) {
  if (params.nodes.length) { highlight(params.nodes[0]); } else { unhighlight(); }
});
if (MAP.centre !== null) { highlight(MAP.centre); network.selectNodes([MAP.centre]); }

window.hankeverkko = {data: MAP, find: find, highlight: highlight, unhighlight: unhighlight,
                      applyFilters: applyFilters, nodeInfo: nodeInfo, updateLabels: updateLabels,
                      labelCount: labelCount};
}());
