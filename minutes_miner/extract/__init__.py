"""Turn fetched documents (PDF, HTML, CSV) into text and records for the NLP stage."""
