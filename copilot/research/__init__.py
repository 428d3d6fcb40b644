"""Research: files in, evidence out. Loaders, chunks, quotes and their citation, embeddings, the store and computed
themes."""
