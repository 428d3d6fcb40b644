"""Research: files in, evidence out. Loaders, chunks, embeddings, the store and computed themes."""
