"""The load pipeline's worker step: a document whose RDF text would not parse fails alone, with its reason."""
from __future__ import annotations

import gongwen.pipeline as pipeline
from gongwen.ontology.to_rdf import document_ntriples


def test_a_document_whose_rdf_does_not_parse_fails_alone(sample_dir, monkeypatch):
    paths = sorted(str(p) for p in sample_dir.glob("*.txt"))[:3]

    def mapped_with_a_broken_iri(doc, base):
        text = document_ntriples(doc, base)
        return text.replace("<http", "<ht tp", 1) if doc.file == paths[1] else text
    monkeypatch.setattr(pipeline, "document_ntriples", mapped_with_a_broken_iri)
    outcomes = pipeline.process_batch([(p, None) for p in paths], "http://h/")
    assert [o.status for o in outcomes] == ["loaded", "failed", "loaded"]
    assert "does not parse" in outcomes[1].reasons[0]
