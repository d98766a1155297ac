"""A tile-grid map of Norway: one tile per county, placed roughly where the county lies, so the
national page can show where the data comes from without geodata. Each tile says how many of
the county's municipalities report data and links to the comparison filtered to the county."""
from __future__ import annotations

from dataclasses import dataclass

#: County number -> (row, column) on a 5-column grid, north at the top (2024 counties).
COUNTY_TILES: dict[str, tuple[int, int]] = {
    "56": (0, 4),  # Finnmark
    "55": (1, 3),  # Troms
    "18": (2, 2),  # Nordland
    "50": (3, 2),  # Trøndelag
    "15": (4, 1),  # Møre og Romsdal
    "34": (4, 2),  # Innlandet
    "46": (5, 0),  # Vestland
    "33": (5, 1),  # Buskerud
    "32": (5, 2),  # Akershus
    "03": (5, 3),  # Oslo
    "11": (6, 0),  # Rogaland
    "40": (6, 1),  # Telemark
    "39": (6, 2),  # Vestfold
    "31": (6, 3),  # Østfold
    "42": (7, 1),  # Agder
}
#: Shades by the share of municipalities with data: (lower bound, CSS class in static/css/app.css).
SHADES = ((0.5, "tile-shade-3"), (0.25, "tile-shade-2"), (0.0001, "tile-shade-1"), (0.0, "tile-shade-0"))


@dataclass(frozen=True)
class Tile:
    number: str
    name: str
    row: int
    column: int
    municipalities: int
    with_data: int

    @property
    def share(self) -> float:
        return self.with_data / self.municipalities if self.municipalities else 0.0

    @property
    def css(self) -> str:
        """Classes placing and shading the tile (no inline styles: the CSP forbids them)."""
        shade = next(css for low, css in SHADES if self.share >= low)
        return f"tile tile-row-{self.row + 1} tile-col-{self.column + 1} {shade}"


def county_tiles(rows, county_names: dict[str, str]) -> list[Tile]:
    """Tiles from the comparison rows (municipalities, not county municipalities)."""
    totals: dict[str, list[int]] = {number: [0, 0] for number in COUNTY_TILES}
    for row in rows:
        m = row.municipality
        if m.is_county or m.county_number not in totals:
            continue
        totals[m.county_number][0] += 1
        totals[m.county_number][1] += 1 if row.card.has_data else 0
    return [
        Tile(number, county_names.get(number, number).split(" - ")[0], *COUNTY_TILES[number], total, data)
        for number, (total, data) in totals.items()
    ]
