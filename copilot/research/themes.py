"""Computed research themes: clusters of evidence, each with a label and representative quotes.

This is the offline research synthesis (SD-02 without an LLM). The number of fine themes is chosen from the
data: a ward tree over the normalised vectors is cut at each candidate size and the cut with the best
cosine silhouette wins. A theme that holds distinct threads is split into sub-themes the same way, so a
wall shows a handful of themes with their threads under them.
Labels are the words most distinctive of a cluster (class-based TF-IDF).
Past SAMPLE quotes the tree is grown on a fixed sample and the other quotes join the nearest theme, so
100,000 quotes cluster in bounded memory (BENCHMARKS.md, issue 17).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from copilot.research.chunks import Chunk

TOKEN = re.compile(r"[a-zà-ÿ][a-zà-ÿ'-]{2,}")
MIN_MEDIAN_SIZE = 16
MIN_SIZE = 8
# At least √(n / 2.5) themes: on short customer texts the silhouette is nearly flat over k and its maximum
# sits at 2 or 3 (the Dutch CX set: 2 themes for 12 topics, NMI 0.01); this floor, chosen on that set's
# development half, makes 360 quotes give at least 12 themes and 1,000 at least 20 (issue 15).
QUOTES_PER_THEME_SQUARED = 2.5
NEAR_COPY = 0.93  # cosine above which two quotes say the same thing
STAGE_DIRECTION = re.compile(r"\[[^\]]{0,40}\]")  # "[lacht]", "[pause]" in transcripts


@dataclass(frozen=True)
class ComputedTheme:
    label: str
    terms: list[str]
    members: list[int]  # indexes into the input chunks
    representatives: list[int]  # the most central members, at most one per source first
    n_sources: int
    parts: list[ComputedTheme] = field(default_factory=list)  # its sub-themes, largest first; none when whole


SAMPLE = 5000  # above this many quotes the tree is grown on a sample and the rest join the nearest theme
_ASSIGN_BLOCK = 8192


def cluster(vectors: np.ndarray, min_k: int = 2, max_k: int | None = None, sample: int = SAMPLE) -> np.ndarray:
    """Cluster labels for each vector; the number of clusters is chosen from the data.

    Up to `sample` quotes, every quote is in the tree (`_cluster_all`); beyond it the ward tree and the
    silhouette need memory that grows with the square of the number of quotes (100,000 quotes: 40 GB), so
    a fixed random sample is clustered and every other quote joins the theme whose centre is nearest.
    """
    n = len(vectors)
    if n <= sample:
        return _cluster_all(vectors, min_k, max_k)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    chosen = np.sort(np.random.default_rng(0).choice(n, size=sample, replace=False))
    sample_labels = _cluster_all(unit[chosen], min_k, max_k)
    centres = np.zeros((sample_labels.max() + 1, unit.shape[1]), dtype=np.float32)
    np.add.at(centres, sample_labels, unit[chosen])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    labels = np.empty(n, dtype=int)
    for start in range(0, n, _ASSIGN_BLOCK):
        labels[start : start + _ASSIGN_BLOCK] = np.argmax(unit[start : start + _ASSIGN_BLOCK] @ centres.T, axis=1)
    labels[chosen] = sample_labels  # the sampled quotes keep the theme the tree gave them
    return labels


def _cluster_all(vectors: np.ndarray, min_k: int = 2, max_k: int | None = None) -> np.ndarray:
    """Cluster labels for each vector from a tree over all of them; the number of clusters is chosen from the data.

    Silhouette alone keeps rising as short texts are split finer, so only cuts that keep themes a size a
    workshop can discuss compete: a median theme of at least MIN_MEDIAN_SIZE quotes, and at most a fifth of
    the themes smaller than MIN_SIZE. Among those, the best cosine silhouette wins.
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import silhouette_score
    from sklearn.metrics.pairwise import cosine_distances

    n = len(vectors)
    if n < 2 * min_k + 2:
        return np.zeros(n, dtype=int)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    tree = linkage(unit, method="ward")
    distances = cosine_distances(unit)
    max_k = min(max_k or max(min_k, n // 8), n - 1)
    min_k = min(max(min_k, round(np.sqrt(n / QUOTES_PER_THEME_SQUARED))), max_k)
    median_bar, small_bar = min(MIN_MEDIAN_SIZE, n / 20), min(MIN_SIZE, n / 40)  # lower bars for small corpora
    scored = []
    for k in _candidates(min_k, max_k):
        labels = fcluster(tree, t=k, criterion="maxclust") - 1
        sizes = np.bincount(labels)
        if len(sizes) < 2:
            continue
        workable = np.median(sizes) >= median_bar and (sizes < small_bar).mean() <= 0.2
        scored.append((workable, silhouette_score(distances, labels, metric="precomputed"), k, labels))
    if not scored:
        return np.zeros(n, dtype=int)
    return max(scored, key=lambda entry: (entry[0], entry[1]))[3]


def _candidates(low: int, high: int) -> list[int]:
    """Every size up to 20, then steps that grow with the size, so large corpora stay fast."""
    ks, k = [], low
    while k <= high:
        ks.append(k)
        k += 1 if k < 20 else max(1, k // 10)
    return ks


def without_language(chunks: list[Chunk], vectors: np.ndarray, embedder: str | None = None) -> np.ndarray:
    """Remove each language's mean direction, so Dutch and English quotes on one topic meet.

    MiniLM is trained mostly on English: left alone, a mixed corpus clusters by language first. The
    bilingual embedder weighs its halves by each text's language; here every quote gets the same weights.
    """
    from copilot.research.embeddings import BilingualEmbedder
    from copilot.research.language import detect

    languages = np.array([detect(chunk.text) for chunk in chunks])
    if len(set(languages)) < 2:
        return vectors
    if embedder == BilingualEmbedder.name:
        vectors = BilingualEmbedder.across_languages(vectors)
    centred = vectors.copy()
    for language in set(languages):
        rows = languages == language
        centred[rows] -= vectors[rows].mean(axis=0)
    return centred


def themes(chunks: list[Chunk], vectors: np.ndarray, **options) -> list[ComputedTheme]:
    """Themes over the evidence chunks, largest first, each with its sub-themes (`parts`) where it holds distinct
    threads; the smaller themes beyond `max_themes` are dropped (`themes_and_rest` keeps them)."""
    return themes_and_rest(chunks, vectors, **options)[0]


def themes_and_rest(
    chunks: list[Chunk],
    vectors: np.ndarray,
    quotes_per_theme: int = 4,
    max_themes: int = 12,
    embedder: str | None = None,
    max_parts: int = 3,
) -> tuple[list[ComputedTheme], list[ComputedTheme]]:
    """Themes over the evidence chunks, largest first, each with its sub-themes (`parts`, at most `max_parts`)
    where it holds distinct threads; and the smaller themes beyond `max_themes` that did not make the wall
    (MIN_PART quotes or more, largest first), so the team can be told what was left off. `embedder` names the
    model that made the vectors (the store records it)."""
    if not chunks:
        return [], []
    vectors = without_language(chunks, vectors, embedder)
    min_k = 4 if len(chunks) >= 40 else 2  # a workshop needs several themes to talk about, not two
    labels = cluster(vectors, min_k=min_k, max_k=max(min_k, 2 * max_themes))
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    groups = [np.flatnonzero(labels == label) for label in np.unique(labels)]
    groups.sort(key=len, reverse=True)
    rest = [g for g in groups[max_themes:] if len(g) >= MIN_PART]
    groups = [g for g in groups if len(g) >= 2][:max_themes] or groups[:1]
    terms = distinctive_terms([[chunks[i].text for i in group] for group in groups])
    result = []
    for group, words in zip(groups, terms, strict=True):
        theme = _theme(group, words, chunks, unit, quotes_per_theme)
        parts = split(unit[group], max_parts)
        part_terms = distinctive_terms([[chunks[i].text for i in group[part]] for part in parts])
        theme.parts.extend(_theme(group[p], w, chunks, unit, 2) for p, w in zip(parts, part_terms, strict=True))
        result.append(theme)
    rest_terms = distinctive_terms([[chunks[i].text for i in group] for group in [*groups, *rest]])[len(groups) :]
    left_off = [_theme(g, w, chunks, unit, 2) for g, w in zip(rest, rest_terms, strict=True)]
    return result, left_off


MIN_PART = 3  # a sub-theme of fewer quotes is an anecdote
MIN_PART_SHARE = 0.1  # nor is a part of less than a tenth of its theme a thread worth its own note
SPLIT_SILHOUETTE = 0.05  # below this a theme's threads are not distinct enough to name apart
SPLIT_SAMPLE = 1500  # a theme bigger than this is split on its most central quotes; the rest join the nearest


def split(unit: np.ndarray, max_parts: int) -> list[np.ndarray]:
    """A theme's sub-themes: row indexes into `unit` (its members' unit vectors) per part, largest first; none
    when the theme is one thread. A ward tree over the members is cut into 2 … `max_parts`; the cut with the
    best cosine silhouette wins, if it passes SPLIT_SILHOUETTE and every part has MIN_PART quotes and
    MIN_PART_SHARE of the theme."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import silhouette_score

    n = len(unit)
    if n < 2 * MIN_PART or max_parts < 2:
        return []
    tree_rows = np.argsort(-(unit @ unit.mean(axis=0)))[:SPLIT_SAMPLE]  # the most central quotes
    tree = linkage(unit[tree_rows], method="ward")
    best, best_score = None, SPLIT_SILHOUETTE
    for k in range(2, max_parts + 1):
        labels = fcluster(tree, t=k, criterion="maxclust") - 1
        if labels.max() + 1 < k or np.bincount(labels).min() < max(MIN_PART, MIN_PART_SHARE * len(labels)):
            continue
        score = silhouette_score(unit[tree_rows], labels, metric="cosine")
        if score > best_score:
            best, best_score = labels, score
    if best is None:
        return []
    centres = np.stack([unit[tree_rows][best == part].mean(axis=0) for part in range(best.max() + 1)])
    every = np.argmax(unit @ centres.T, axis=1)
    every[tree_rows] = best  # the quotes in the tree keep the part it gave them
    parts = [np.flatnonzero(every == part) for part in range(best.max() + 1)]
    return sorted(parts, key=len, reverse=True)


def _theme(members: np.ndarray, words: list[str], chunks: list[Chunk], unit: np.ndarray, quotes: int) -> ComputedTheme:
    centroid = unit[members].mean(axis=0)
    by_centrality = members[np.argsort(-(unit[members] @ centroid))]
    return ComputedTheme(
        label=" · ".join(words[:3]) or chunks[by_centrality[0]].text[:40],
        terms=words,
        members=[int(i) for i in by_centrality],
        representatives=_diverse(by_centrality, chunks, unit, quotes),
        n_sources=len({chunks[i].source for i in members}),
    )


def _diverse(ordered: np.ndarray, chunks: list[Chunk], unit: np.ndarray, n: int) -> list[int]:
    """The most central members, one per source first, so one interview does not fill the theme;
    near-copies of a quote already picked (templated agent notes) are skipped."""
    picked: list[int] = []
    sources: set[str] = set()
    for one_per_source in (True, False):
        for index in (int(i) for i in ordered):
            if len(picked) == n:
                return picked
            if index in picked or (one_per_source and chunks[index].source in sources):
                continue
            if picked and float(np.max(unit[picked] @ unit[index])) > NEAR_COPY:
                continue
            picked.append(index)
            sources.add(chunks[index].source)
    return picked


def distinctive_terms(groups: list[list[str]], top: int = 5) -> list[list[str]]:
    """Class-based TF-IDF: words frequent in one group and rare in the others."""
    from copilot.research.stopwords import words as stopwords

    stop = stopwords()
    counts = []
    for texts in groups:
        bag: dict[str, int] = {}
        for text in texts:  # each word counts once per quote, so one chatty turn cannot name a theme
            for token in set(TOKEN.findall(STAGE_DIRECTION.sub(" ", text.lower()))):
                if token not in stop and "'" not in token:
                    bag[token] = bag.get(token, 0) + 1
        counts.append(bag)
    total: dict[str, int] = {}
    for bag in counts:
        for token, n in bag.items():
            total[token] = total.get(token, 0) + n
    mean_size = sum(sum(b.values()) for b in counts) / max(len(counts), 1)
    result = []
    for bag in counts:
        size = max(sum(bag.values()), 1)
        scored = {t: (n / size) * np.log(1 + mean_size / total[t]) for t, n in bag.items() if n >= 2 or len(bag) < 20}
        result.append([t for t, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:top]])
    return result
