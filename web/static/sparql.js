// The query page: runs the query against this same endpoint with fetch and draws the answer as a table.
"use strict";
(function () {
  const form = document.getElementById("sparql-form");
  const textarea = document.getElementById("query");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const baseIri = form.dataset.baseIri.replace(/\/$/, "");

  function hrefFor(iri) {
    // IRIs minted under the base are served here, whatever host and port this page came from.
    if (iri.startsWith(baseIri + "/")) return iri.slice(baseIri.length);
    if (iri.startsWith("https://w3id.org/gongwen/ontology#")) return "/ontology#" + iri.split("#")[1];
    return iri;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = hrefFor(term.value);
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
      const tag = term["xml:lang"] ? "@" + term["xml:lang"] : "";
      if (tag) {
        const span = document.createElement("span");
        span.className = "tag";
        span.textContent = " " + tag;
        td.appendChild(span);
      }
    }
    return td;
  }

  function showTable(json) {
    const table = document.createElement("table");
    table.className = "data";
    const head = table.createTHead().insertRow();
    for (const name of json.head.vars) {
      const th = document.createElement("th");
      th.textContent = "?" + name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of json.results.bindings) {
      const row = body.insertRow();
      for (const name of json.head.vars) row.appendChild(cell(binding[name]));
    }
    results.replaceChildren(table);
    status.textContent = json.results.bindings.length + " 行 rows";
  }

  async function run() {
    status.textContent = "…";
    const response = await fetch(form.action, {
      method: "POST",
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: new URLSearchParams({query: textarea.value}),
    });
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      const pre = document.createElement("pre");
      pre.className = "error";
      pre.textContent = response.status + " " + (await response.text());
      results.replaceChildren(pre);
      status.textContent = "错误 error";
      return;
    }
    if (type.startsWith("application/sparql-results+json")) {
      const json = await response.json();
      if ("boolean" in json) {
        const p = document.createElement("p");
        p.className = "boolean";
        p.textContent = json.boolean ? "是 true" : "否 false";
        results.replaceChildren(p);
        status.textContent = "";
      } else {
        showTable(json);
      }
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.replaceChildren(pre);
      status.textContent = type.split(";")[0];
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?query=" + encodeURIComponent(textarea.value));
    run();
  });
  for (const button of document.querySelectorAll("button.example")) {
    button.addEventListener("click", function () {
      textarea.value = button.dataset.query;
      run();
    });
  }
  if (form.dataset.run === "yes") run();
})();
