"""FHIR R4 export: the journal as a Bundle of plain dicts, for a clinic's system.

No FHIR library at run time: the resources are written as JSON-ready dicts, and the
tests check them against the R4B models of fhir.resources (docs/fhir-export.md).
"""
