"""ipywidgets components, one per file. They talk to a Workbench, never to storage or PowerPoint."""
