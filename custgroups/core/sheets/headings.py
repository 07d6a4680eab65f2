"""What the headings and status words of a customer list mean, in English and in the
German, French and Dutch an ERP's export may use."""

from __future__ import annotations

from collections.abc import Sequence

from custgroups.core.codes import CODE_COLUMN_HEADINGS
from custgroups.core.text import heading_key

#: Headings recognised for each field, strongest first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": CODE_COLUMN_HEADINGS,
    "name": ("customer name", "client name", "company name", "account name", "debtor name",
             "name", "company", "client", "customer", "account holder",
             "kundenname", "firmenname", "firma", "kunde", "nom client", "nom", "raison sociale",
             "klantnaam", "bedrijfsnaam", "naam", "klant"),
    "email": ("email", "e mail", "email address", "e mail address", "mail",
              "e mail adresse", "courriel", "adresse e mail", "e mailadres"),
    "phone": ("phone", "telephone", "phone number", "tel", "mobile", "mobile phone",
              "telefon", "telefonnummer", "handy", "téléphone", "telefoon", "telefoonnummer"),
    "city": ("city", "town", "place", "ort", "stadt", "wohnort", "ville", "plaats",
             "woonplaats"),
    "country": ("country", "country name", "nation", "land", "pays"),
    "status": ("status", "active", "state", "aktiv", "statut", "actif", "actief"),
    "group": ("group code", "customer group code", "group", "gruppencode", "kundengruppe",
              "gruppe", "code groupe", "groupe", "groepcode", "groep"),
}
ACTIVE_WORDS = {"", "active", "yes", "y", "true", "1", "enabled", "open",
                 "aktiv", "ja", "j", "wahr", "actif", "oui", "vrai", "actief"}
INACTIVE_WORDS = {"inactive", "no", "n", "false", "0", "disabled", "closed", "blocked",
                   "inaktiv", "nein", "falsch", "gesperrt", "inactif", "non", "faux", "bloqué",
                   "inactief", "nee", "geblokkeerd"}
_SYNONYM_KEYS = {field: tuple(heading_key(s) for s in words) for field, words in SYNONYMS.items()}


def find_columns(header: Sequence[str], fields: Sequence[str]) -> dict[str, int]:
    """Column index of each field found in a header row (a column serves one field)."""
    keys = [heading_key(cell) for cell in header]
    found: dict[str, int] = {}
    for field in fields:
        for synonym in _SYNONYM_KEYS[field]:
            index = next((i for i, key in enumerate(keys)
                          if key == synonym and i not in found.values()), None)
            if index is not None:
                found[field] = index
                break
    return found
