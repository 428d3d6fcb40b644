"""Export: a session becomes a DeckSpec (plain data), which one renderer turns into .pptx."""
