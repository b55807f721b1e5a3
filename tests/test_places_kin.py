"""The kin of place mentions (places.ranking.Kin) read from groups, as the pairwise sets said."""

from __future__ import annotations

import random
from collections import Counter

from according.places.ranking import Kin


def _pairwise(names, firsts, cand_sets, evidence):
    """The former quadratic computation: every pair of mentions compared."""
    kin, own = [], []
    for k in range(len(names)):
        ks = {
            j
            for j in range(len(names))
            if names[j] == names[k] or (firsts[j] is not None and firsts[j] in cand_sets[k])
        }
        c: Counter = Counter()
        for j in ks:
            cc, st = evidence[j]
            if cc:
                c[cc] += 1
            if st:
                c[st] += 1
        kin.append(ks)
        own.append(c)
    return kin, own


def test_kin_same_name_and_other_spelling():
    # "Quebec" twice (the province first read), "Quebec City" first read as the city, a candidate of "Quebec"
    names = ["quebec", "quebec city", "quebec", "paris"]
    firsts = [1, 2, 1, None]
    cand_sets = [{1, 2}, {2}, {1, 2}, {7, 8}]
    kin = Kin(names, firsts, cand_sets)
    assert kin(2, 0) and kin(0, 2)  # the same name
    assert kin(1, 0)  # its first reading is a candidate of "Quebec"
    assert not kin(0, 1)  # the province is no candidate of "Quebec City"
    assert not kin(3, 0) and not kin(0, 3)
    assert kin(3, 3)


def test_kin_evidence_matches_the_pairwise_sets():
    rnd = random.Random(7)
    for _ in range(200):
        n = rnd.randint(0, 12)
        names = [rnd.choice("abcd") for _ in range(n)]
        firsts = [rnd.choice([None, 1, 2, 3, 4]) for _ in range(n)]
        cand_sets = [set(rnd.sample(range(1, 6), rnd.randint(0, 3))) for _ in range(n)]
        evidence = [
            (rnd.choice([None, "US", "CA"]), rnd.choice([None, ("US", "TX"), ("CA", "10")])) for _ in range(n)
        ]
        kin_sets, own = _pairwise(names, firsts, cand_sets, evidence)
        kin = Kin(names, firsts, cand_sets)
        assert kin.evidence(evidence) == own
        assert all(kin(j, k) == (j in kin_sets[k]) for k in range(n) for j in range(n))


def test_rank_from_the_base_scores_is_the_rank_computed_anew():
    """resolve computes each mention's context-free scores once for both of its passes: ranking
    from them gives what ranking from scratch gives, with and without the article's context."""
    from according.places.gazetteer import get
    from according.places.lookup import Mention, lookup_text
    from according.places.ranking import ArticleContext, _rank, base_scores

    g = get()
    ms = []
    for name in ("Springfield", "Georgia", "Paris", "Jordan", "Washington"):
        cands, alt, dem = lookup_text(g, name)
        ms.append(Mention(0, len(name), 0, 1, name, "GPE", True, cands, alt, dem))
    assert all(m.cands for m in ms)
    names = [m.text.lower() for m in ms]
    firsts = [_rank(m, g, None)[0][0] for m in ms]
    kin = Kin(names, firsts, [set(m.cands) for m in ms])
    evidence = [("US", ("US", "IL")), (None, None), ("FR", None), (None, None), ("US", None)]
    ctx = ArticleContext(
        Counter({"US": 2, "FR": 1}), Counter({("US", "IL"): 1}), [], evidence, {"IL": 1.0}, kin,
        kin.evidence(evidence), {}, {}, names,
    )  # fmt: skip
    for k, m in enumerate(ms):
        base = base_scores(m, g)
        assert _rank(m, g, None, base=base) == _rank(m, g, None)
        assert _rank(m, g, ctx, k, base=base) == _rank(m, g, ctx, k)
