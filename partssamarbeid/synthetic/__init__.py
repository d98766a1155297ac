"""A realistic, deterministic synthetic national dataset (``manage.py generate_synthetic``).

For the first N municipalities of the register (by number; 357 = all of them) and the last
``years`` calendar years up to ``end_year``, each municipality gets:

- a PSU ("Partssammensatt utvalg" / "Administrasjonsutvalet" ...) with 8 meetings a year and an
  AMU with 4, memberships per election period (politicians with parties, employee
  representatives with unions, the employer side in the AMU, substitutes, a secretary), with
  some people continuing from one period to the next;
- meetings, all published and in the past: held, or cancelled (about 7 %, without agenda);
- about 7 agenda items per held meeting: the first one or two procedural, then a mix of PS,
  orienteringssaker, referatsaker and drøftingssaker with titles from a bank of realistic
  titles (:data:`.texts.PS_TITLES` ...), the administration's proposal (adopted), employee-side and
  political amendments with outcomes and votes, attendance (mostly present, some absent with
  a substitute meeting, now and then not recorded), the employee side's requests and
  questions (some asking for an item that then appears at the next meeting);
- climate levels in the proportions of the research (seed 000): about 30 % of agenda items
  mention climate, about 5 % link it to working conditions; environmental assessments spread
  by a municipality's practice;
- climate measures anchored in its climate items, with topics, decision dates, effects on
  employees and involvement histories on the ladder 0-4 (early, late or never; a few
  initiated by the employee side through a request).

Municipalities differ: each draws its own propensities (climate on the agenda, employee
voice, early involvement, assessment practice), so the national comparison has a spread.

How it is made, and what that means:

- Deterministic: everything comes from ``random.Random`` seeded with ``"{seed}/{number}"`` per
  municipality, so the same seed gives the same rows (and a municipality's rows do not depend
  on how many others are generated). ``end_year`` defaults to last year; pass it to pin a
  dataset across calendar years. Only timestamps (``created_at`` ...) differ between runs.
- Climate levels and evidence are **set directly**, never computed by running the classifier
  on hundreds of thousands of items. The titles come from a bank whose every entry has the
  level the classifier gives it (a test checks this, and that stored levels, evidence and
  assessments equal what :func:`meetings.classification.classify_item` would produce), so pages
  look plausible and a re-classification would change nothing.
- Rows are written with ``bulk_create`` in batches: model ``save()`` logic and signals do not
  run, so django-simple-history records **no history rows** for synthetic data, and no
  ``created_at`` ordering can be relied on. Everything happens in one transaction.
- The rows are marked: a :class:`~partssamarbeid.models.SyntheticDataset` lists the bodies,
  people and measures it created. :func:`.cleanup.real_data` finds any other body, person, meeting or
  measure (demo data, imports, data entered by hand); :func:`.cleanup.clear` removes exactly the marked
  rows and everything under them with plain ``DELETE`` statements (no signals, no history).
- The people are fictional: names are drawn from lists of common Norwegian first and last names.

A package by concern: ``config`` (rates and sizes), ``texts`` (names, titles, case papers),
``draws`` (weighted choices, meeting days, election periods), ``chunk`` (the rows in memory, the
register's organisations and topics), ``builder`` (one municipality, put together from ``people``,
``meetings``, ``items``, ``proposals`` and ``measures``), ``writer`` (bulk INSERT or COPY),
``cleanup`` (marking, refusing real data, clearing) and ``run`` (generate, summary). Import a name
from the module that defines it.
"""
