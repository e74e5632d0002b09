"""Application services: load what a view needs from the journal and analyse it, once.

Sits between analysis and the report/ui layers, so the window, the charts, the CLI and
the printed summary all read a range the same way (with the same context margin) and
the window can start without importing the report.
"""
