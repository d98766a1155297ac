"""Who and where: municipalities, organisations, people, bodies and memberships."""
from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .querysets import BodyQuerySet, MembershipQuerySet, MunicipalityQuerySet, PersonQuerySet

kommunenummer_validator = RegexValidator(
    r"^([0-9]{2}|[0-9]{4})$", _("A municipality number has 4 digits (2 for a county municipality).")
)


#: The period rule's message, also given on the end date field by the forms that check the rule.
PERIOD_END_BEFORE_START = _("The end date cannot be before the start date.")


def period_constraint(start: str, end: str, name: str) -> models.CheckConstraint:
    """The database rule of a period in fields ``start`` and ``end`` (empty while open): it does
    not end before it starts. Memberships and green representatives hold their periods so."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_message=PERIOD_END_BEFORE_START,
    )


#: A municipality's written standard (målform) chooses the interface language for its users.
WRITTEN_STANDARDS = [("nb", _("Bokmål")), ("nn", _("Nynorsk"))]


class Municipality(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        COUNTY = "county_municipality", _("County municipality")

    number = models.CharField(
        _("municipality number"), max_length=4, primary_key=True, validators=[kommunenummer_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    county_number = models.CharField(_("county number"), max_length=2)
    county_name = models.CharField(_("county"), max_length=100)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    written_standard = models.CharField(
        _("written standard (målform)"),
        max_length=2,
        choices=WRITTEN_STANDARDS,
        default="nb",
        help_text=_("Bokmål or nynorsk: the language its users see by default (they can still switch)."),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__regex=r"^([0-9]{2}|[0-9]{4})$"), name="municipality_number_format"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"

    def get_absolute_url(self) -> str:
        return reverse("municipalities:municipality_detail", args=[self.number])

    @property
    def is_county(self) -> bool:
        return self.kind == self.Kind.COUNTY


class Organisation(models.Model):
    class Kind(models.TextChoices):
        UNION = "union", _("Union")
        FEDERATION = "federation", _("Union federation")
        PARTY = "party", _("Political party")
        EMPLOYER = "employer", _("Employer organisation")

    #: The kinds on the employee side of the table (the one definition; ``is_employee_side``).
    EMPLOYEE_SIDE_KINDS = (Kind.UNION, Kind.FEDERATION)

    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    federation = models.ForeignKey(
        "self",
        verbose_name=_("federation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        limit_choices_to={"kind": Kind.FEDERATION},
    )

    class Meta:
        ordering = ["kind", "short_name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.short_name

    @property
    def is_employee_side(self) -> bool:
        return self.kind in self.EMPLOYEE_SIDE_KINDS


class Person(models.Model):
    """A person who sits in or attends a body. Never created by matching names silently."""

    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="people"
    )
    title = models.CharField(_("title or position"), max_length=200, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class Body(models.Model):
    class Kind(models.TextChoices):
        PSU = "PSU", _("PSU / administration committee")
        AMU = "AMU", _("Working environment committee (AMU)")
        HAMU = "HAMU", _("Main working environment committee (HAMU)")
        DROFTING = "drofting", _("Consultation meeting (drøftingsmøte)")
        TREPARTS = "treparts", _("Tripartite forum")
        WORKING_GROUP = "arbeidsgruppe", _("Working group")

    class Parties(models.TextChoices):
        TWO = "two", _("Two-party")
        THREE = "three", _("Three-party")

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="bodies"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PSU)
    permanent = models.BooleanField(_("permanent"), default=True)
    parties = models.CharField(_("parties"), max_length=10, choices=Parties.choices, default=Parties.TWO)
    description = models.TextField(_("description"), blank=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="body_unique_name_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality.name})"

    def get_absolute_url(self) -> str:
        return reverse("municipalities:body_detail", args=[self.pk])


class Membership(models.Model):
    """A person's seat in a body: role, side, on whose behalf, voting right and period (OParl shape)."""

    class Role(models.TextChoices):
        LEIAR = "leiar", _("Chair")
        NESTLEIAR = "nestleiar", _("Deputy chair")
        MEDLEM = "medlem", _("Member")
        VARAMEDLEM = "varamedlem", _("Substitute member")
        SEKRETAER = "sekretaer", _("Secretary")

    class Side(models.TextChoices):
        POLITICAL = "political", _("Political")
        EMPLOYER = "employer", _("Employer")
        EMPLOYEE = "employee", _("Employee")

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships")
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEDLEM)
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    on_behalf_of = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    voting_right = models.BooleanField(_("voting right"), default=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "side", "role", "person__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            period_constraint("start_date", "end_date", "membership_end_after_start"),
            models.UniqueConstraint(
                fields=["person", "body", "start_date"], name="membership_unique_person_body_start"
            ),
        ]

    def __str__(self) -> str:
        org = f", {self.on_behalf_of}" if self.on_behalf_of_id else ""
        return f"{self.person.name} ({self.get_role_display()}{org})"

    def is_active_on(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class PersonAlias(models.Model):
    """A name as a body's documents print it, and the person a reviewer said it is.

    Saved when someone matches an unmatched name in an import's review, so the next import of
    the same body matches it without asking (``imports.applying``).
    """

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name in the documents"), max_length=200)
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="aliases")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "name"]
        verbose_name = _("name alias")
        verbose_name_plural = _("name aliases")
        constraints = [models.UniqueConstraint(fields=["body", "name"], name="person_alias_unique_name_per_body")]

    def __str__(self) -> str:
        return f"{self.name} → {self.person.name}"


class Profile(models.Model):
    """The role a user has in the app, and the municipality it applies to."""

    class Role(models.TextChoices):
        HR = "hr", _("HR staff")
        UNION_REP = "union_rep", _("Union representative")
        ADVISER = "adviser", _("KS adviser")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("For union representatives: the union they represent."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(role="adviser") | Q(municipality__isnull=False),
                name="profile_scoped_roles_need_municipality",
                violation_error_message=_("HR staff and union representatives belong to a municipality."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
