// Draws the server-laid-out network (physics off) and opens a node's page on click.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  // Exposed for people poking at the console and for the browser check (network.body.data.nodes.length).
  window.network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, data.options);
  window.network.on("click", function (params) {
    if (params.nodes.length) {
      const node = nodes.get(params.nodes[0]);
      if (node && node.url) window.location.href = node.url;
    }
  });
})();
