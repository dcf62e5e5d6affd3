// The link chart: draws /graph.json with cytoscape; a click grows a node's neighbours, a
// double click opens its profile. Labels are set as data, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("chart");
  var info = document.getElementById("chart-info");
  if (!box || typeof cytoscape === "undefined") {
    if (info) info.textContent = "The link chart needs its script (run: python3 tasks.py setup).";
    return;
  }
  var filters = {types: box.dataset.types, since: box.dataset.since, until: box.dataset.until};
  var colours = {person: "#2b6cb0", organization: "#c05621", place: "#2f855a", other: "#718096", event: "#9b2c2c"};
  var cy = cytoscape({
    container: box,
    maxZoom: 1.6,
    minZoom: 0.1,
    style: [
      {selector: "node", style: {"label": "data(label)", "background-color": "data(colour)", "font-size": 10,
        "width": "data(size)", "height": "data(size)", "text-valign": "bottom", "text-margin-y": 3}},
      {selector: "node[type = 'event']", style: {"shape": "diamond"}},
      {selector: "node.centre", style: {"border-width": 3, "border-color": "#1a202c"}},
      {selector: "node.expanded", style: {"border-width": 2, "border-color": "#4a5568"}},
      {selector: "edge", style: {"label": "data(type)", "font-size": 8, "width": 1.5, "line-color": "#a0aec0",
        "target-arrow-shape": "triangle", "target-arrow-color": "#a0aec0", "curve-style": "bezier",
        "text-rotation": "autorotate", "color": "#4a5568"}}
    ]
  });

  function url(entity) {
    var q = new URLSearchParams();
    if (entity) q.set("entity", entity);
    (filters.types || "").split(",").forEach(function (t) { if (t) q.append("type", t); });
    if (filters.since) q.set("since", filters.since);
    if (filters.until) q.set("until", filters.until);
    return "/graph.json?" + q.toString();
  }

  // New nodes start beside the node they were grown from (or at random on first draw).
  function add(data, near) {
    var added = 0;
    data.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).length) return;
      var at = near ? {x: near.x + (Math.random() - 0.5) * 80, y: near.y + (Math.random() - 0.5) * 80}
                    : {x: Math.random() * 600, y: Math.random() * 400};
      cy.add({group: "nodes", position: at, data: {id: n.id, label: n.label, type: n.type,
        colour: colours[n.type] || "#718096", size: 14 + Math.min(26, Math.sqrt(n.mentions || 1) * 3)}});
      added++;
    });
    data.edges.forEach(function (e) {
      if (cy.getElementById(e.id).length) return;
      if (!cy.getElementById(e.source).length || !cy.getElementById(e.target).length) return;
      cy.add({group: "edges", data: {id: e.id, source: e.source, target: e.target, type: e.type}});
    });
    return added;
  }

  function layout() {
    cy.layout({name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 400000; },
      idealEdgeLength: function () { return 110; }, nodeOverlap: 20, padding: 30, numIter: 1500}).run();
    info.textContent = cy.nodes().length + " nodes, " + cy.edges().length + " links";
  }

  function load(entity, then) {
    fetch(url(entity), {headers: {"Accept": "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { then(data); })
      .catch(function (err) { info.textContent = "Could not load the chart (" + err.message + ")."; });
  }

  load(box.dataset.centre, function (data) {
    add(data);
    if (data.centre) cy.getElementById(data.centre).addClass("centre expanded");
    layout();
    box.dataset.ready = "true";
  });

  cy.on("tap", "node", function (evt) {
    var node = evt.target;
    if (node.data("type") === "event" || node.hasClass("expanded")) return;
    node.addClass("expanded");
    load(node.id(), function (data) {
      var n = add(data, node.position());
      layout();
      info.textContent += " (" + n + " new around " + node.data("label") + ")";
      box.dataset.expanded = node.id();
    });
  });
  cy.on("dbltap", "node", function (evt) {
    var node = evt.target;
    if (node.data("type") !== "event") window.location.href = "/entities/" + encodeURIComponent(node.id());
  });
  window.crosscheckChart = cy;  // for the browser tests and the console
})();
