"""NLP extraction: the only place spaCy is imported."""
