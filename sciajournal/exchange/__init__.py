"""Moving entries in and out of a journal: the JSON exchange format (later CSV, FHIR, devices)."""
