"""CX Copilot: small, evidence-grounded AI steps for service design and stakeholder work.

The package keeps `import copilot` cheap: heavy libraries (torch, chromadb, python-pptx,
ipywidgets) are imported inside the functions that need them.
"""

__version__ = "0.1.0"
