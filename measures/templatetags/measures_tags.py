"""Template tags that let other apps' pages show measures without importing this app."""
from django import template

from municipalities import permissions

from ..forms import LinkItemForm, MeasureFromItemForm
from ..models import ClimateMeasure, Level
from ..services import CLIMATE_LEVELS, Timing

register = template.Library()


@register.inclusion_tag("measures/_item_measures.html", takes_context=True)
def item_measures(context, item):
    """The measures linked to an agenda item and, for HR staff, forms to create or link one."""
    user = context["request"].user
    municipality_id = item.meeting.body.municipality_id
    is_climate = item.effective_climate_level in CLIMATE_LEVELS
    can_edit = permissions.can_edit(user, municipality_id)
    measures = list(ClimateMeasure.objects.visible_to(user).filter(agenda_items=item).order_by("title"))
    show_forms = can_edit and is_climate
    return {
        "item": item,
        "measures": measures,
        "is_climate": is_climate,
        "can_edit": can_edit,
        "create_form": MeasureFromItemForm(item=item, auto_id="id_new_measure_%s") if show_forms else None,
        "link_form": LinkItemForm(item=item, auto_id="id_link_%s") if show_forms else None,
    }


@register.filter
def level_label(value) -> str:
    return "" if value is None or value == "" else Level(int(value)).label


@register.filter
def timing_label(value) -> str:
    return Timing(value).label if value else ""
