"""The eInnsyn ids of Vaksdal and its administrasjonsutval in the harvest fixtures (tests/harvest/fixtures)."""

KOMMUNE = "enhet_01jb0vaksdal0kommune00000"
ADM = "enhet_01jb0vaksdal0admutval0000"
