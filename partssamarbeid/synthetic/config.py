"""Rates and sizes of the synthetic data: how often things happen, how many rows go in one write."""
from __future__ import annotations

from municipalities.models import Body

#: Bump when the generator's output changes, so ``--skip-if-present`` regenerates.
GENERATOR_VERSION = 2
BATCH_SIZE = 5000
#: Municipalities built in memory before their rows are written.
CHUNK = 25

PSU_MONTHS = (2, 3, 4, 6, 8, 10, 11, 12)
AMU_MONTHS = (3, 6, 9, 12)
MEETINGS_PER_YEAR = {Body.Kind.PSU: len(PSU_MONTHS), Body.Kind.AMU: len(AMU_MONTHS)}
#: Municipal election years; a period starts on 15 October of the election year.
ELECTION_YEARS = tuple(range(1999, 2100, 4))

CANCELLED_SHARE = 0.07
NOT_RECORDED_MEETING_SHARE = 0.03
ABSENT_SHARE = 0.10
SUBSTITUTE_SHARE = 0.65
#: Per substantive item, before a municipality's propensity: climate (mentions or linked) and,
#: of those, linked to working conditions. Calibrated so that about 30 % of all items (procedural
#: ones included) mention climate and about 5 % are linked.
CLIMATE_SHARE = 0.46
LINKED_SHARE_OF_CLIMATE = 0.16
EMPLOYEE_PROPOSAL_SHARE = 0.14
POLITICAL_PROPOSAL_SHARE = 0.06
REQUESTS_PER_MEETING = 0.45
MEASURES_PER_YEAR = (0.6, 2.4)
