"""English, in one place: the word data and named thresholds every stage reads.

No module here imports spaCy. A stage that needs to know a word of English
(a title, a reporting verb, a month, a place noun) imports it from a module of
this package; nothing else in ``according`` defines a word list. Each threshold
says how it was calibrated.
"""
