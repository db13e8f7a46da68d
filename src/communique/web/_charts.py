"""Plotly figures as plain dicts (`{"data": [...], "layout": {...}}`), drawn in the page by
the plotly.js that the app serves itself.

Text that comes from articles (names, evidence) is HTML-escaped before it goes into hover
labels: plotly reads a few tags in labels, and article text must never be one.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ._highlight import QUAD_NAMES

QUAD_COLOURS = {1: "#2c7fb8", 2: "#1a9850", 3: "#f39c12", 4: "#c0392b"}
KIND_COLOURS = {"country": "#34495e", "igo": "#8e44ad", "region": "#16a085",
                "group": "#d35400", "person": "#2c7fb8", "organisation": "#7f8c8d"}
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
        "size": 13, "color": "#222"}


def _esc(value: Any, width: int = 0) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return html.escape(text)


def _wrap(text: str, width: int = 70) -> str:
    """Escaped text broken into lines for a hover label."""
    words, lines, line = _esc(text, 280).split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _layout(**extra: Any) -> dict[str, Any]:
    base = {"font": FONT, "margin": {"l": 56, "r": 16, "t": 40, "b": 48},
            "paper_bgcolor": "#ffffff", "plot_bgcolor": "#fbfbfc", "hovermode": "closest",
            "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"}}
    return base | extra


def _date_range(days: Sequence[Any], least: int = 14) -> list[str] | None:
    """An x range around `days` (dates or ISO strings) at least `least` days wide, so that a
    single day does not zoom the axis down to milliseconds."""
    values = sorted(dt.date.fromisoformat(str(d)[:10]) for d in days if d)
    if not values:
        return None
    pad = max(dt.timedelta(days=least // 2), (values[-1] - values[0]) * 0.04)
    return [(values[0] - pad).isoformat(), (values[-1] + pad).isoformat()]


def _month_axis(months: Sequence[str]) -> dict[str, Any]:
    """A date axis over whole months with one month of room on each side; a tick a month
    while they fit."""
    first, last = dt.date.fromisoformat(min(months)), dt.date.fromisoformat(max(months))
    start = (first.replace(day=1) - dt.timedelta(days=1)).replace(day=15)
    end = (last.replace(day=28) + dt.timedelta(days=10)).replace(day=15)
    axis: dict[str, Any] = {"type": "date", "range": [start.isoformat(), end.isoformat()],
                            "tickformat": "%b %Y", "title": {"text": "month"}}
    if (end - start).days < 220:
        axis["dtick"] = "M1"
    return axis


def _count_axis(counts: Sequence[int], title: str) -> dict[str, Any]:
    top = max(counts, default=1)
    return {"title": {"text": title}, "rangemode": "tozero", "tickformat": "d",
            "dtick": max(1, math.ceil(top / 5))}


def _event_label(row: dict[str, Any]) -> str:
    src = row.get("source_party") or "?"
    tgt = row.get("target_party") or "?"
    neg = " (negated)" if row.get("polarity") == "negated" else ""
    return (f"<b>{_esc(row['type'])}</b>{neg} {_esc(src)} → {_esc(tgt)}<br>"
            f"{_esc(row.get('day'))} · intensity {row.get('intensity')}<br>"
            f"{_wrap(row.get('evidence') or row.get('trigger_text') or '')}")


def timeline(events: Sequence[dict[str, Any]], article_url: Callable[[str], str]) -> dict[str, Any]:
    """Events by date (x) and intensity (y), one colour per quad class; a click opens the
    article the event comes from."""
    data = []
    for quad, name in QUAD_NAMES.items():
        rows = [e for e in events if e.get("quad_class") == quad and e.get("day")]
        if not rows:
            continue
        data.append({
            "type": "scatter", "mode": "markers", "name": name,
            "x": [str(e["day"]) for e in rows], "y": [e.get("intensity") for e in rows],
            "text": [_event_label(e) for e in rows], "hoverinfo": "text",
            "customdata": [article_url(e["article_id"]) for e in rows],
            "marker": {"color": QUAD_COLOURS[quad], "size": 10, "opacity": 0.8,
                       "symbol": ["x" if e.get("polarity") == "negated" else "circle" for e in rows],
                       "line": {"width": 1, "color": "#ffffff"}},
        })
    return {"data": data, "layout": _layout(
        height=360, xaxis={"title": {"text": "date"}, "type": "date",
                           "range": _date_range([e.get("day") for e in events])},
        yaxis={"title": {"text": "intensity"}, "range": [-10.5, 10.5], "zeroline": True,
               "zerolinecolor": "#999"})}


def dyad_months(months: Sequence[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """Events per month in each direction (bars side by side) and their mean intensity
    (dotted lines, right axis)."""
    day = 86_400_000  # a date axis counts in milliseconds
    data, counts, dated = [], [], []
    for direction, label, colour, shift in (("a->b", f"{a} → {b}", "#2c7fb8", -6),
                                            ("b->a", f"{b} → {a}", "#e67e22", 6)):
        rows = [m for m in months if m["direction"] == direction and m["month"]]
        if not rows:
            continue
        mid = [dt.date.fromisoformat(m["month"] + "-15") for m in rows]
        centre = [(d + dt.timedelta(days=shift)).isoformat() for d in mid]
        counts += [m["events"] for m in rows]
        dated += [m["month"] + "-01" for m in rows]
        data.append({"type": "bar", "name": f"{label} events", "x": centre,
                     "y": [m["events"] for m in rows], "marker": {"color": colour},
                     "width": 11 * day, "opacity": 0.75,
                     "hovertemplate": f"{_esc(label)}, %{{x|%b %Y}}: %{{y}} events<extra></extra>"})
        data.append({"type": "scatter", "mode": "lines+markers", "name": f"{label} mean intensity",
                     "x": centre, "y": [m["mean_intensity"] for m in rows], "yaxis": "y2",
                     "line": {"color": colour, "dash": "dot"},
                     "hovertemplate": f"{_esc(label)}, %{{x|%b %Y}}: mean intensity %{{y}}<extra></extra>"})
    return {"data": data, "layout": _layout(
        height=360, barmode="overlay",
        xaxis=_month_axis(dated) if dated else {"type": "date"},
        yaxis=_count_axis(counts, "events"),
        yaxis2={"title": {"text": "mean intensity"}, "overlaying": "y", "side": "right",
                "range": [-10.5, 10.5], "showgrid": False, "zeroline": False,
                "tickmode": "array", "tickvals": [-10, -5, 0, 5, 10]},
        margin={"l": 56, "r": 56, "t": 64, "b": 48})}


def dyad_events(forward: Sequence[dict[str, Any]], backward: Sequence[dict[str, Any]],
                a: str, b: str, article_url: Callable[[str], str]) -> dict[str, Any]:
    """Each event between the two, by date and intensity, one colour per direction."""
    data = []
    days = [e.get("day") for e in [*forward, *backward]]
    for rows, label, colour in ((forward, f"{a} → {b}", "#2c7fb8"),
                                (backward, f"{b} → {a}", "#e67e22")):
        rows = [e for e in rows if e.get("day")]
        if rows:
            data.append({"type": "scatter", "mode": "markers", "name": label,
                         "x": [str(e["day"]) for e in rows], "y": [e.get("intensity") for e in rows],
                         "text": [_event_label(e) for e in rows], "hoverinfo": "text",
                         "customdata": [article_url(e["article_id"]) for e in rows],
                         "marker": {"color": colour, "size": 10, "opacity": 0.8}})
    return {"data": data, "layout": _layout(
        height=320, xaxis={"title": {"text": "date"}, "type": "date", "range": _date_range(days)},
        yaxis={"title": {"text": "intensity"}, "range": [-10.5, 10.5], "zerolinecolor": "#999"})}


def _stress(n: int, neighbours: list[set[int]], iterations: int = 200) -> np.ndarray:
    """Stress majorisation (as Graphviz's neato) of one connected graph: nodes sit about as
    far apart as the number of hops between them. Positions in [-1, 1]²."""
    if n == 1:
        return np.zeros((1, 2))
    hops = np.zeros((n, n))
    for start in range(n):  # breadth-first search from every node
        seen, frontier, depth = {start}, [start], 0
        while frontier:
            depth += 1
            reached = sorted({v for u in frontier for v in neighbours[u]} - seen)
            seen.update(reached)
            hops[start, reached] = depth
            frontier = reached
    weight = 1 / np.maximum(hops, 1) ** 2
    np.fill_diagonal(weight, 0)
    inverse = np.linalg.pinv(np.diag(weight.sum(axis=1)) - weight)
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)]) * hops.max() / 2
    for _ in range(iterations):
        dist = np.maximum(np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=-1), 1e-9)
        b = -weight * hops / dist
        np.fill_diagonal(b, 0)
        np.fill_diagonal(b, -b.sum(axis=1))
        pos = inverse @ b @ pos
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max(axis=0)
    return pos / np.where(scale > 0, scale, 1)


def graph_layout(n: int, edges: Sequence[tuple[int, int]]) -> np.ndarray:
    """Positions in [-1, 1]² for `n` nodes, deterministic. The largest connected part fills
    the left of the plot; smaller parts are stacked in a column on the right."""
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for i, j in edges:
        neighbours[i].add(j)
        neighbours[j].add(i)
    parts, seen = [], set()
    for node in range(n):
        if node in seen:
            continue
        part, stack = [], [node]
        seen.add(node)
        while stack:
            u = stack.pop()
            part.append(u)
            for v in neighbours[u] - seen:
                seen.add(v)
                stack.append(v)
        parts.append(sorted(part))
    parts.sort(key=lambda p: (-len(p), p[0]))
    pos = np.zeros((n, 2))
    boxes = [(-1.0, 1.0, -1.0, 1.0)] if len(parts) == 1 else [(-1.0, 0.5, -1.0, 1.0)]
    rest = len(parts) - 1
    for k in range(rest):  # the right-hand column, top to bottom
        top = 1.0 - 2.0 * k / rest
        boxes.append((0.7, 1.0, top - 2.0 / rest + 0.15, top - 0.05))
    for part, (x0, x1, y0, y1) in zip(parts, boxes, strict=True):
        local = {u: i for i, u in enumerate(part)}
        inner = [{local[v] for v in neighbours[u]} for u in part]
        placed = _stress(len(part), inner)
        pos[part, 0] = x0 + (placed[:, 0] + 1) / 2 * (x1 - x0)
        pos[part, 1] = y0 + (placed[:, 1] + 1) / 2 * (y1 - y0)
    return pos


def intensity_colour(value: float | None) -> str:
    """Red for conflict (-10), grey for neutral, green for cooperation (+10)."""
    if value is None:
        return "#95a5a6"
    t = max(-1.0, min(1.0, value / 6.0))
    grey, red, green = (149, 165, 166), (192, 57, 43), (30, 132, 73)
    end = red if t < 0 else green
    rgb = [round(g + (e - g) * abs(t)) for g, e in zip(grey, end, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def network(graph: dict[str, Any], node_url: Callable[[str], str],
            dyad_url: Callable[[str, str], str], max_nodes: int = 60) -> dict[str, Any]:
    """Nodes placed by a spring layout, sized by events; arrows from source to target,
    as wide as the events are many and coloured by mean intensity."""
    nodes = graph["nodes"][:max_nodes]
    index = {node["id"]: i for i, node in enumerate(nodes)}
    edges = [e for e in graph["edges"] if e["source"] in index and e["target"] in index]
    pos = graph_layout(len(nodes), [(index[e["source"]], index[e["target"]]) for e in edges])
    top = max((n["events"] for n in nodes), default=1)
    labelled = 40 if graph["level"] == "party" else 20  # the busiest; the rest on hover
    most = max((e["events"] for e in edges), default=1)
    annotations, mid_x, mid_y, mid_text, mid_url = [], [], [], [], []
    for edge in edges:
        (x0, y0), (x1, y1) = pos[index[edge["source"]]], pos[index[edge["target"]]]
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / norm * 0.018, dx / norm * 0.018  # the two directions side by side
        annotations.append({
            "x": x1 + ox, "y": y1 + oy, "ax": x0 + ox, "ay": y0 + oy,
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "text": "",
            "showarrow": True, "arrowhead": 2, "arrowsize": 1, "standoff": 12,
            "startstandoff": 8, "arrowwidth": 1 + 5 * math.sqrt(edge["events"] / most),
            "arrowcolor": intensity_colour(edge["mean_intensity"]), "opacity": 0.8})
        mid_x.append(float(x0 + dx * 0.5 + ox))
        mid_y.append(float(y0 + dy * 0.5 + oy))
        mid_text.append(f"<b>{_esc(edge['source'])} → {_esc(edge['target'])}</b><br>"
                        f"{edge['events']} events, mean intensity {edge['mean_intensity']}<br>"
                        f"{_esc(', '.join(edge.get('types') or []), 90)}")
        mid_url.append(dyad_url(edge["source"], edge["target"]))
    edge_trace = {"type": "scatter", "mode": "markers", "x": mid_x, "y": mid_y,
                  "text": mid_text, "hoverinfo": "text", "customdata": mid_url,
                  "marker": {"size": 9, "color": "rgba(0,0,0,0.01)"}, "showlegend": False,
                  "name": "relations"}
    node_trace = {
        "type": "scatter", "mode": "markers+text", "name": "actors", "showlegend": False,
        "x": [float(p[0]) for p in pos], "y": [float(p[1]) for p in pos],
        "text": [(_esc(n["id"] if graph["level"] == "party" else n["label"], 22) if i < labelled
                  else "") for i, n in enumerate(nodes)],
        "textposition": "top center",
        "hovertext": [f"<b>{_esc(n['label'])}</b> ({_esc(n['id'])})<br>{n['events']} events: "
                      f"{n['outgoing']} as source, {n['incoming']} as target" for n in nodes],
        "hoverinfo": "text", "customdata": [node_url(n["id"]) for n in nodes],
        "marker": {"size": [12 + 28 * math.sqrt(n["events"] / top) for n in nodes],
                   "color": [KIND_COLOURS.get(n.get("kind") or "", "#7f8c8d") for n in nodes],
                   "line": {"width": 2, "color": "#ffffff"}},
    }
    axis = {"visible": False, "range": [-1.12, 1.12], "fixedrange": False}
    return {"data": [edge_trace, node_trace], "layout": _layout(
        height=640, xaxis=axis, yaxis=axis | {"range": [-1.15, 1.18]}, annotations=annotations,
        margin={"l": 8, "r": 8, "t": 8, "b": 8}, dragmode="pan")}
