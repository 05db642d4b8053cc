"""Who attended, as ModernGov states it: one classification for the web service and the HTML pages,
so a site crawled either way gives the same people and statuses."""
from __future__ import annotations

from minutes_miner.models import AttendeeMention


def attendance_status(text: str | None) -> str:
    """ModernGov's attendance wording ("Apologies", "Present as substitute", "Attended virtually",
    "In attendance", "Expected" ...) as one of present | apologies | absent | substitute | virtual."""
    value = (text or "present").lower()
    if "apolog" in value:
        return "apologies"
    if "absent" in value:
        return "absent"
    if "substitut" in value:
        return "substitute"
    if "virtual" in value:
        return "virtual"
    return "present"


def attendee(name: str, role: str | None, attendance: str | None, *, group: str | None,
             party: str | None = None, ward: str | None = None) -> AttendeeMention:
    """`group` is what the source says the person is: "member", "officer", "external", or None if it
    does not say. A councillor's title in the name makes them a member whatever the group."""
    if "councillor" in name.lower() or group == "member":
        kind = "chair" if role and role.lower().startswith("chair") else "member"
    else:
        kind = group or "unknown"
    return AttendeeMention(name=name, kind=kind, title=role or None, status=attendance_status(attendance),
                           party=party or None, ward=ward or None)
