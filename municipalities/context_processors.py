from . import permissions


def user_role(request):
    """Expose the user's role and home municipality to templates (for navigation only)."""
    user = getattr(request, "user", None)
    profile = permissions.profile_of(user) if user else None
    return {
        "user_role": permissions.role_of(user) if user else None,
        "user_profile": profile,
    }
