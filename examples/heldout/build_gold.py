"""Build gold.jsonl (ggt format) for the held-out who-said-what set.

Each gold item is (content string, reference). The content string must occur
exactly once in the article text; offsets are computed, never hand-counted.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

GOLD = {
    "wire-flood-relief": [
        ("Portugal's government on Tuesday released 40 million euros in emergency aid for towns along the Tagus river after three days of flooding forced more than 6,000 people from their homes", "Interior Ministry"),
        ("water levels at the Almourol gauge had begun to fall overnight", "National Authority for Emergency and Civil Protection"),
        ("more rain was forecast for the weekend", "National Authority for Emergency and Civil Protection"),
        ('"We are not out of danger yet,"', "Rui Sarmento"),
        ('"The ground is saturated, and every millimetre that falls now goes straight into the river."', "Rui Sarmento"),
        ("the aid package would cover temporary housing, the repair of bridges and direct payments to farmers who lost crops", "Helena Costa Martins"),
        ('"No family will be left to face this alone,"', "Helena Costa Martins"),
        ("the state would also pay for the cleanup of schools", "Helena Costa Martins"),
        ("At least four people have died in the floods", "National Authority for Emergency and Civil Protection"),
        ("Two of them, a couple in their seventies, were found in a car swept off a rural road near Golega on Sunday", "police"),
        ('"It came in the middle of the night, through the floor,"', "Ana Vieira"),
        ('"I have lived here my whole life and never seen anything like it."', "Ana Vieira"),
        ("the town's alarm sirens had sounded only after water was already in the streets", "Teresa Lobo"),
        ("she had called the municipal emergency line four times before anyone answered", "Teresa Lobo"),
        ('"They told us to stay calm,"', "Teresa Lobo"),
        ('"Calm is not a plan."', "Teresa Lobo"),
        ("The sirens, he said, were triggered as soon as the river authority issued its red alert, and the delay lay upstream", "Jorge Pinheiro"),
        ('"We followed the protocol to the minute,"', "Jorge Pinheiro"),
        ('"If the protocol is too slow, then the protocol has to change, and I will be the first to say so."', "Jorge Pinheiro"),
        ('its alerts had been issued "in accordance with the forecasts available at the time"', "Portuguese Environment Agency"),
        ("it would review the timeline with local authorities", "Portuguese Environment Agency"),
        ("it had reduced releases from two reservoirs on the Spanish side of the border at Lisbon's request", "Spain's hydrographic authority for the Tagus basin"),
        ('the reductions would continue "for as long as our own safety margins allow."', "a spokeswoman for the authority"),
        ("at least 12,000 hectares of cropland had been under water for more than 48 hours", "regional farmers' association"),
        ('"What the water didn\'t take, the mud will finish,"', "Joaquim Ferraz"),
        ("his insurance covered hail and drought but not river flooding", "Joaquim Ferraz"),
        ('"a trap that every farmer in this valley has fallen into."', "Joaquim Ferraz"),
        ("it was ready to activate the EU Solidarity Fund if Lisbon requested it", "European Commission"),
        ('"the door is open" but that no formal request had yet been received', "Lena Hartmann"),
    ],
    "local-council-budget": [
        ("the city had no good options after losing a state grant that covered a quarter of library costs", "Patricia Okafor"),
        ("“Nobody up here ran for office to close a library,”", "Patricia Okafor"),
        ("“But I was elected to balance a budget, and the numbers are the numbers.”", "Patricia Okafor"),
        ("“a decision that falls hardest on the families with the fewest choices”", "Rosa Delgado"),
        ("the council had not seriously considered cutting the city’s $1.2 million consulting contract for the downtown redevelopment plan", "Rosa Delgado"),
        ("“We found money for consultants,”", "Rosa Delgado"),
        ("“We can find money for children’s story hour.”", "Rosa Delgado"),
        ("“This is not over. We will be back at the next budget hearing, and the one after that.”", "Rosa Delgado"),
        ("the consulting contract was paid for by a separate development fund that by law cannot be spent on libraries", "Patricia Okafor"),
        ("The Eastside branch, a one-story brick building on Calloway Street, opened in 1962 and lends about 40,000 items a year", "Millbrook Public Library"),
        ("she had taken her three children to the branch every Saturday for a decade", "Maria Lopez"),
        ("“My kids learned to read in that building,”", "Maria Lopez"),
        ("“There is no bus from my street to the main library that doesn’t take an hour each way.”", "Maria Lopez"),
        ("she had volunteered at the branch since she retired from teaching in 2009", "Gloria Benson"),
        ("the building would sit empty and become a target for vandalism, as the old fire station on Pike Road had", "Gloria Benson"),
        ("“Once you close a door like that,” Benson said, “it doesn’t open again.”", "Gloria Benson"),
        ("he supported the budget because it avoided a property tax increase", "Derek Hall"),
        ("“I love the library too,”", "Derek Hall"),
        ("“But small businesses in this town are already stretched thin, and a tax hike would have hit every one of us.”", "Derek Hall"),
        ("the vote was the hardest of his 11 years on the council", "Victor Amsel"),
        ("“I have looked at this budget line by line, more times than I can count,”", "Victor Amsel"),
        ("“Every dollar we don’t cut here is a dollar we cut from police or from road repairs.\n\n“I don’t like this outcome, and I want to be honest with the people of the Eastside about that. But I would rather make a hard choice now than hand the next council a deficit it cannot fix.”", "Victor Amsel"),
        ("the branch’s collection would be moved to the main library on Grant Avenue", "Hannah Cole"),
        ("a bookmobile would visit the Eastside twice a week starting in August", "Hannah Cole"),
        ("he could not support “a budget that asks the Eastside to carry the weight for everyone else.”", "Tom Brandt"),
        ("is needed to cover a new hauling contract", "city staff"),
    ],
    "business-plant-closure": [
        ("it would close its Monessen rolling mill by the end of March, eliminating about 1,100 jobs", "Harland Steel"),
        ("the closure would cost between $180 million and $210 million in severance, pension and equipment charges", "Harland Steel"),
        ("The Monessen mill lost $62 million in the first nine months of the year", "Harland Steel"),
        ('"This was not a decision we made lightly,"', "Laura Brenner"),
        ('"Monessen has been part of Harland for 70 years, and the people who work there are among the best steelmakers in the country."', "Laura Brenner"),
        ("the company would offer transfers to its plants in Gary, Indiana, and Decatur, Alabama, to as many as 300 workers", "Laura Brenner"),
        ("the mill, which produces hot-rolled coil for the auto and appliance industries, had run at less than 60 percent of capacity for most of the year", "Harland Steel"),
        ('"Monessen has been the weakest asset in their portfolio for a while, and the market has been waiting for them to do something about it,"', "Priya Natarajan"),
        ("the closure could lift the company's operating margin by as much as two percentage points next year", "Priya Natarajan"),
        ("it did little to address the larger problem of imports", "Priya Natarajan"),
        ('"Closing capacity helps, but it is not a strategy,"', "Tomas Eriksen"),
        ('"At some point investors are going to ask what Harland looks like in five years."', "Tomas Eriksen"),
        ('it had not been consulted before the announcement and would "use every tool available" to keep the plant open', "United Steelworkers"),
        ('"They told us the same morning they told the newspapers,"', "Dale Kowalski"),
        ('"After everything this workforce has given that company, that\'s how they treat us."', "Dale Kowalski"),
        ("it planned to ask state lawmakers to hold hearings on the closure and on the roughly $40 million in tax credits Harland received to modernize the mill in 2017", "United Steelworkers"),
        ("he and his wife had already begun talking about whether to sell their house", "Dale Kowalski"),
        ("he would probably move to Texas, where a friend had found him a job at a pipe plant", "Ryan Kowalski"),
        ('"I\'m 26. I can start over,"', "Ryan Kowalski"),
        ('"My dad can\'t, not really. Thirty years in one place, and now what?"', "Ryan Kowalski"),
        ("Harland had held preliminary discussions with at least one buyer about the site but that no deal was close", "a person familiar with the company's plans"),
        ("the city would lose close to a fifth of its tax revenue once the mill stopped operating", "Frank DiSalvo"),
        ('"We have been here before, in the eighties,"', "Frank DiSalvo"),
        ('"We survived it then, but I won\'t pretend it didn\'t leave scars."', "Frank DiSalvo"),
        ("it expected to record most of the charges in the fourth quarter", "Harland Steel"),
    ],
    "politics-election-dispute": [
        ("“manufacturing a crisis” over 4,000 uncounted mail ballots", "the re-election campaign of Mark Ellison"),
        ("Ellison, a Democrat seeking a second term, trailed by 874 votes on Wednesday evening with roughly 11,000 ballots left to count statewide", "the secretary of state’s office"),
        ("the county had set the ballots aside over signature mismatches without giving voters the chance to fix them that the law requires", "Ben Adler"),
        ("“These are lawful voters, and they are being told their voices don’t count because a clerk didn’t like their handwriting,”", "Ben Adler"),
        ("“a desperate fairy tale.”", "Caroline Voss"),
        ("the governor was “trying to change the rules after the game is over.”", "Caroline Voss"),
        ("the ballots had been flagged by the county’s signature verification system", "Ellen Marsh"),
        ("letters had gone out to every affected voter on Monday", "Ellen Marsh"),
        ("her office was following state law “to the letter.”", "Ellen Marsh"),
        ("“I have been doing this job for 19 years, under governors of both parties,”", "Ellen Marsh"),
        ("“Nobody in this office knows or cares how these voters marked their ballots.”", "Ellen Marsh"),
        ("“a referee, not a player.”", "Ellen Marsh"),
        ("she had played no part in how the county handled the ballots", "Caroline Voss"),
        ("the campaign was preparing a lawsuit that could be filed as early as Thursday", "aides to the governor"),
        ("lawyers for the campaign had contacted at least two firms that specialize in election law", "a person familiar with the matter"),
        ("he had “full confidence” in the state’s county clerks and wanted only “a complete and fair count.”", "Mark Ellison"),
        ("“I’m not accusing anyone of anything,”", "Mark Ellison"),
        ("“I am asking that every eligible voter who was told to fix a signature be given the time the law allows.”", "Mark Ellison"),
        ("“That is not what his campaign said this morning,”", "Luis Ortega"),
        ("Ellison had signed the signature-verification law himself in 2021", "Luis Ortega"),
        ("“He can’t sign a law and then call it a conspiracy when it’s enforced,”", "Luis Ortega"),
        ("they feel ignored by Carson City", "rural voters"),
        ("counting would resume at 8 a.m. Thursday", "Alan Pruitt"),
        ("he expected final unofficial results by the weekend", "Alan Pruitt"),
        ("“to let the professionals finish their work.”", "Alan Pruitt"),
        ("“The law is clear,” Pruitt said, “and every county will follow it, whoever ends up ahead.”", "Alan Pruitt"),
        ("he had driven in from Lovelock because he wanted to “see the counting with my own eyes.”", "Harold Stiles"),
        ("“I don’t think anybody’s cheating,”", "Harold Stiles"),
        ("“But I think everybody ought to be watching.”", "Harold Stiles"),
    ],
}

ORDER = ["wire-flood-relief", "local-council-budget", "business-plant-closure", "politics-election-dispute"]


def main():
    total = 0
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as out:
        for stem in ORDER:
            with open(os.path.join(HERE, stem + ".txt"), encoding="utf-8", newline="") as f:
                text = f.read()
            quotes = []
            for content, ref in GOLD[stem]:
                n = text.count(content)
                assert n == 1, (stem, n, content)
                start = text.index(content)
                end = start + len(content)
                assert text[start:end] == content
                quotes.append({"content": {"start": start, "end": end, "text": content}, "reference": ref})
            quotes.sort(key=lambda q: q["content"]["start"])
            for a, b in zip(quotes, quotes[1:]):
                assert a["content"]["end"] <= b["content"]["start"], (stem, a, b)
            out.write(json.dumps({"id": stem, "text": text, "quotes": quotes}, ensure_ascii=False) + "\n")
            total += len(quotes)
            print(stem, len(text.split()), "words", len(quotes), "quotes")
    print("total", total)


if __name__ == "__main__":
    main()
