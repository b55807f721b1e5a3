"""Demonyms of regions, provinces and breakaway territories (word data, spaCy-free).

``REGION_DEMONYMS`` maps a lowercase demonym to the region's name as the gazetteer knows it
(its own name there, so that a town with the demonym's spelling is not preferred: "Chechen" is
the Chechen Republic, not the Ukrainian village Chechnya). Read by :mod:`according.places.lookup`
after the countries' demonyms and ``lang.places.PLACE_DEMONYMS``. Only demonyms whose place is
unambiguous in news use: ethnic and language words that name no one place ("Kurdish", "Tamil",
"Punjabi") are left out.
"""

from __future__ import annotations

_SINGULAR_TO_PLACE = {
    "south ossetian": "South Ossetia",
    "abkhazian": "Autonomous Republic of Abkhazia",
    "chechen": "Chechen Republic",
    "dagestani": "Dagestan",
    "ingush": "Ingushetia",
    "crimean": "Crimea",
    "transnistrian": "Transnistria autonomous territorial unit",
    "kashmiri": "Kashmir",
    "darfuri": "Darfur",
    "tibetan": "Tibet Autonomous Region",
    "kosovar": "Kosovo",
    "hong konger": "Hong Kong",
    "northern irish": "Northern Ireland",
    "catalan": "Catalonia",
    "basque": "Basque Country",
    "bavarian": "Bavaria",
    "sicilian": "Sicily",
    "corsican": "Corsica",
    "sardinian": "Sardinia",
    "siberian": "Siberia",
    "hawaiian": "Hawaii",
    "alaskan": "Alaska",
    # US states (not those that name newspapers: The Oregonian, The Tennessean, The Oklahoman,
    # The Missourian; nor "Georgian", the country's; nor "Hoosiers", a university's teams)
    "minnesotan": "Minnesota",
    "iowan": "Iowa",
    "ohioan": "Ohio",
    "michigander": "Michigan",
    "wisconsinite": "Wisconsin",
    "virginian": "Virginia",
    "kentuckian": "Kentucky",
    "alabamian": "Alabama",
    "louisianan": "Louisiana",
    "kansan": "Kansas",
    "nebraskan": "Nebraska",
    "coloradan": "Colorado",
    "arizonan": "Arizona",
    "nevadan": "Nevada",
    "utahn": "Utah",
    "montanan": "Montana",
    "idahoan": "Idaho",
    "marylander": "Maryland",
    "pennsylvanian": "Pennsylvania",
    "arkansan": "Arkansas",
    "mississippian": "Mississippi",
    "vermonter": "Vermont",
    "mainer": "Maine",
    "new jerseyan": "New Jersey",
}

# "Chechens", "Kashmiris", "Hong Kongers" (a word ending in "s" already has no plural here)
REGION_DEMONYMS: dict[str, str] = {
    **_SINGULAR_TO_PLACE,
    **{f"{word}s": place for word, place in _SINGULAR_TO_PLACE.items() if not word.endswith("s")},
}
