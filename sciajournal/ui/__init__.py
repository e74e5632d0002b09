"""The Qt user interface. Widgets talk to the journal service, never to SQL."""
