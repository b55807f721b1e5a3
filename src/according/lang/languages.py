"""Words of languages other than English, for telling that an article is not English.

``FUNCTION_WORDS``: the most frequent function words of each Latin-script language
``according.ingest.language`` tells apart (a quarter to a half of running text in each; the lists
barely overlap). ``LANGUAGE_NAMES``: the English name of each code it returns. Moved here
unchanged from ``ingest/language.py`` (issue 11).
"""

from __future__ import annotations

FUNCTION_WORDS = {
    "en": "the of and to a in is that for it was on with as he at by his said from be this are have "
    "not but had they were an which has their its who been would will or she her we after",
    "fr": "le la les de des du et est un une que qui dans pour pas sur au aux ce il elle sont avec "
    "par plus ne se son sa ses mais ont été cette leur nous vous",
    "de": "der die das und ist nicht ein eine den dem des zu mit sich auf für von im sie es auch "
    "wird wurde hat bei nach aus einem einer sind noch wie über dass",
    "es": "el la los las de del y en que un una es por con para se no su al lo como más pero sus "
    "fue ha le ya este esta entre cuando muy sin sobre también",
    "it": "il la di che e è un una per non con del della dei gli le si da al alla sono ha nel "
    "anche come più ma questo questa essere stato loro",
    "pt": "o a os as de do da dos das e em um uma que não para com por se no na nos mais foi como "
    "ao seu sua mas também pelo pela são está",
    "nl": "de het een en van in is dat op te met voor niet zijn aan er om ook als bij door maar "
    "was werd heeft dan nog naar uit wordt",
    "sv": "och att det som en på är av för med till den har inte om ett var jag men från så "
    "kan eller också när efter",
    "pl": "i w na z że się nie do jest to jak po co ale od za dla przez o tak jego być są "
    "który która które tylko",
    "tr": "ve bir bu da de için ile olarak çok daha ama gibi olan en kadar sonra değil ancak "
    "şu ise mi ne her",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada "
    "oleh mereka bisa sudah saya",
}

# English names of the languages and scripts ``detect_language`` reports (for its warning).
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "pl": "Polish",
    "tr": "Turkish",
    "id": "Indonesian",
    "ar": "Arabic script",
    "he": "Hebrew",
    "ru": "Cyrillic script",
    "el": "Greek",
    "ja": "Japanese",
    "ko": "Korean",
    "zh": "Chinese",
    "hi": "Devanagari script",
    "th": "Thai",
    "bn": "Bengali",
    "hy": "Armenian",
    "ka": "Georgian",
    "am": "Ethiopic script",
    "ta": "Tamil",
}
