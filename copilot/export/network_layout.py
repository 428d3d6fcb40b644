"""Where each stakeholder sits in the influence network (SC-02): one layout for the notebook's picture and the
deck's slide, so that a workshop sees the same network arranged the same way in both.

Positions are 0..1 across and up a FRAME of FRAME_INCHES; each picture maps them onto a drawing area of the
same proportions (its own size, its own fonts). The layout:

- each group of connected stakeholders is placed by stress majorization (the distances on the picture follow
  the number of links between people, as Kamada-Kawai does; numpy only), its long axis laid across;
- the groups stand side by side, the largest first, each in a slot as wide as its size asks; stakeholders
  without any link stand in a column of their own on the right;
- nodes are then pushed apart until no two names (a box of LABEL_ROOM under each node) overlap, as far as the
  frame allows.

Only who is linked to whom counts, not how strongly or in which direction: moving a strength slider changes an
arrow, never the whole picture. The same network gives the same positions every time, whatever the order its
stakeholders and links come in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

FRAME_INCHES = (9.4, 3.05)  # the slide's drawing area for the nodes; the notebook's is the same shape, smaller
LABEL_ROOM = (1.75, 1.0)  # inches of the frame a node with its name needs, across and down
ROWS = 3  # stakeholders without links stacked per column
HOP = 2.6  # inches at most between two linked people: a small network stays together


def influence_network(content) -> tuple[list[str], list[tuple[str, str]]]:
    """The stakeholder ids (everyone linked, then coalition candidates) and the (source, target) links of an
    SC-02 answer, with ids stripped and empty ones left out: the network both pictures draw."""
    links = [
        (link.source.strip(), link.target.strip())
        for link in getattr(content, "links", None) or []
        if link.source.strip() and link.target.strip()
    ]
    coalition = [c.stakeholder.strip() for c in getattr(content, "coalition", None) or [] if c.stakeholder.strip()]
    nodes = list(dict.fromkeys([n for pair in links for n in pair] + sorted(coalition)))
    return nodes, links


def network_layout(nodes: Iterable[str], links: Iterable[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Each node's position, (across, up) in 0..1 of the frame. Link ends missing from `nodes` are added."""
    ids = sorted(set(nodes) | {n for pair in links for n in pair})
    pairs = sorted({tuple(sorted(pair)) for pair in links if pair[0] != pair[1]})
    return dict(_layout(tuple(ids), tuple(pairs)))


@lru_cache(maxsize=64)
def _layout(ids: tuple[str, ...], pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, tuple[float, float]], ...]:
    import numpy as np

    if not ids:
        return ()
    width, height = FRAME_INCHES
    if len(ids) == 1:
        return ((ids[0], (0.5, 0.5)),)
    groups, loose = _groups(ids, pairs)
    demands = [len(group) ** 0.75 for group in groups] + [1.0] * math.ceil(len(loose) / ROWS)
    slots = [width * d / sum(demands) for d in demands]
    points: dict[str, np.ndarray] = {}
    left = 0.0
    for group, slot in zip(groups, slots, strict=False):
        shape = _shape(group, pairs)
        if len(group) == 2 and slot < 2 * LABEL_ROOM[0]:  # a pair in a narrow slot stands one above the other
            shape = shape[:, ::-1].copy()
        placed = _fit(shape, slot, height)
        points.update({n: xy + (left, 0.0) for n, xy in zip(group, placed, strict=True)})
        left += slot
    for column in range(math.ceil(len(loose) / ROWS)):
        stack = loose[column * ROWS : (column + 1) * ROWS]
        slot = slots[len(groups) + column]
        for row, node in enumerate(stack):
            y = height / 2 if len(stack) == 1 else height * (1 - row / (len(stack) - 1))
            points[node] = np.array([left + slot / 2, y])
        left += slot
    spread = _declutter(np.array([points[n] for n in ids]), np.array(FRAME_INCHES), np.array(LABEL_ROOM))
    return tuple((n, (float(x / width), float(y / height))) for n, (x, y) in zip(ids, spread, strict=True))


def _groups(ids: tuple[str, ...], pairs) -> tuple[list[list[str]], list[str]]:
    """The connected groups of two or more, largest first, and the stakeholders without links (sorted)."""
    neighbours: dict[str, set[str]] = {n: set() for n in ids}
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen: set[str] = set()
    groups = []
    for start in ids:
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            group.append(node)
            for other in sorted(neighbours[node] - seen):
                seen.add(other)
                todo.append(other)
        groups.append(sorted(group))
    loose = [g[0] for g in groups if len(g) == 1]
    return sorted((g for g in groups if len(g) > 1), key=lambda g: (-len(g), g[0])), loose


def _shape(group: list[str], pairs):
    """A connected group's positions (one row per node, centred, the long axis across) where distances follow
    the number of links between people: classical scaling for a start, then stress majorization."""
    import numpy as np

    count = len(group)
    if count == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    index = {n: i for i, n in enumerate(group)}
    hops = np.full((count, count), np.inf)
    np.fill_diagonal(hops, 0)
    for a, b in pairs:
        if a in index and b in index:
            hops[index[a], index[b]] = hops[index[b], index[a]] = 1
    for k in range(count):  # Floyd–Warshall: a dozen or so people
        hops = np.minimum(hops, hops[:, [k]] + hops[[k], :])
    centring = np.eye(count) - 1 / count
    values, vectors = np.linalg.eigh(-0.5 * centring @ hops**2 @ centring)
    top = np.argsort(values)[::-1][:2]
    points = vectors[:, top] * np.sqrt(np.maximum(values[top], 1e-9))
    points += np.linspace(0, 1e-3, count)[:, None]  # no two nodes start on the same spot
    weights = np.where(hops > 0, 1 / np.where(hops > 0, hops, 1) ** 2, 0.0)
    laplacian = np.diag(weights.sum(axis=1)) - weights
    inverse = np.linalg.pinv(laplacian)
    for _ in range(300):
        apart = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
        ratio = np.where(apart > 1e-9, weights * hops / np.where(apart > 1e-9, apart, 1), 0.0)
        pull = np.diag(ratio.sum(axis=1)) - ratio
        moved = inverse @ pull @ points
        if np.abs(moved - points).max() < 1e-6:
            points = moved
            break
        points = moved
    points -= points.mean(axis=0)
    _, _, axes = np.linalg.svd(points, full_matrices=False)
    points = points @ axes.T  # the long axis across
    for column in (0, 1):  # a fixed mirror image: the best-connected (then first) node left and up
        hub = int(np.argmax(weights.sum(axis=1) + np.linspace(1e-6, 0, count)))
        if points[hub, column] * (1 if column == 0 else -1) > 1e-9:
            points[:, column] *= -1
    return points


def _fit(points, width: float, height: float, stretch: float = 1.8):
    """Points scaled into a `width` × `height` slot (inches), keeping the group's proportions, except that it
    may widen up to `stretch` times to use a wide slot; centred in the slot."""
    import numpy as np

    margin = np.array([min(width * 0.12, LABEL_ROOM[0] / 2), 0.0])
    room = np.array([width, height]) - 2 * margin
    size = points.max(axis=0) - points.min(axis=0)
    scale = min([room[i] / size[i] for i in (0, 1) if size[i] > 1e-9] + [HOP])
    wider = min(scale * stretch, room[0] / size[0], HOP * stretch) if size[0] > 1e-9 else scale
    scales = np.array([max(wider, scale), scale])
    placed = (points - points.min(axis=0)) * scales
    return placed + (np.array([width, height]) - (placed.max(axis=0) - placed.min(axis=0))) / 2


def _declutter(points, frame, room, iterations: int = 400):
    """Points (inches) pushed apart until no two names' boxes overlap (as far as the frame allows)."""
    import numpy as np

    points = points.astype(float).copy()
    for _ in range(iterations):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                apart = (points[j] - points[i]) / room  # in label boxes: below 1 both ways, they overlap
                if abs(apart[0]) >= 1 or abs(apart[1]) >= 1:
                    continue
                length = float(np.hypot(*apart))
                direction = apart / length if length > 1e-6 else np.array([0.6, 0.8 if i % 2 else -0.8])
                push = direction * room * 0.06
                points[i] -= push
                points[j] += push
                moved = True
        points = np.clip(points, 0, frame)
        if not moved:
            break
    return points
