"""Speakers on real-article constructions: canonical names, pronouns by gender and number,
organisation descriptions, abbreviations, coordinated and indefinite subjects, and partial
quotes inside reported clauses. Every text is written for these tests.

Each case: text, kind, words the quote contains, the exact expected speaker name (None: no
speaker, or only an anonymous/unknown description).
"""

from __future__ import annotations

import pytest

SPEAKERS = [
    # a name particle joins the surname; an institution named after a person is no person
    ("Karl-Theodor zu Guttenberg sagte am Abend, er trete zurück.", "indirect", "er trete zurück", "Karl-Theodor zu Guttenberg"),
    # a court's ruling reports what the court decided: the court named before is the speaker
    ("Der Streit wurde vom Europäischen Gerichtshof in Luxemburg entschieden. Laut dem Urteil haftet der Betreiber.", "indirect", "haftet der Betreiber", "Europäischer Gerichtshof"),
    ("Das Landgericht Berlin hat den Fall verhandelt. Dem Beschluss zufolge muss die Firma zahlen.", "indirect", "muss die Firma zahlen", "Landgericht Berlin"),
    # canonical names: the fullest proper name, never the role in front of it
    ("Fabian Stenger leitet das Geschäft. „Wir wachsen weiter“, sagt Bahn-Manager Stenger.", "direct", "Wir wachsen weiter", "Fabian Stenger"),
    ("Außenministerin Annalena Weber reiste nach Kairo. Die Gespräche seien gut verlaufen, sagte Weber.", "indirect", "Gespräche seien gut", "Annalena Weber"),
    ("Der Vorsitzende des Verbands, Hans Müller, sagte, die Preise seien gestiegen.", "indirect", "Preise seien gestiegen", "Hans Müller"),
    ("„Das Urteil ist ein Erfolg“, sagte Verbandschef Hans Müller. Später betonte Müller: „Wir machen weiter.“", "direct", "Wir machen weiter", "Hans Müller"),
    # initials keep different people apart
    ("Am Montag riefen wir Sebastian K. an, am Dienstag Jacek K. in Kiel. Dort sagt K., er wisse von nichts.", "indirect", "er wisse von nichts", "Jacek K."),
    ("Sebastian K. geht ans Telefon. Dazu sei er nicht befugt, sagt K.", "indirect", "nicht befugt", "Sebastian K."),
    # a known first name before a surname is a person even when the tagger misses it
    ("3. Carline Mohr, Redakteurin und Autorin: Klar Stellung beziehen\nSie erklärt: „Ich wollte das noch einmal sagen.“", "direct", "noch einmal sagen", "Carline Mohr"),
    # pronouns agree in gender with the person
    ("Peter Lorenz schrieb den Text. Die Kritik kam von Julia Brandt. Sie sagte, der Text sei einseitig.", "indirect", "Text sei einseitig", "Julia Brandt"),
    ("Julia Brandt lobte das Buch. Dann meldete sich Peter Lorenz zu Wort. Er sagte, das Buch sei zu lang.", "indirect", "Buch sei zu lang", "Peter Lorenz"),
    ("Anna Roth sprach zuerst. Markus Hahn war im Saal. Sie betonte, die Schule brauche mehr Lehrer.", "indirect", "Schule brauche mehr Lehrer", "Anna Roth"),
    # the verb's number decides about "sie"
    ("Die Anwohner sammelten Unterschriften. Sie fordern, dass die Straße gesperrt wird.", "indirect", "Straße gesperrt wird", None),
    # a person named after the last quote is the nearer antecedent
    ("„Wir prüfen das“, sagte Lena Vogt. Dann rief Thomas Wagner an. Er sagte, die Firma sei pleite.", "indirect", "Firma sei pleite", "Thomas Wagner"),
    # a name inside a place phrase is no antecedent
    ("Ministerin Petra Lang gab ein Interview im Morgenmagazin Journal. Sie sagte darin, die Renten seien sicher.", "indirect", "Renten seien sicher", "Petra Lang"),
    # organisations, their descriptions and abbreviations
    ("Das Bundesamt für Strahlenschutz (BfS) warnt vor der Hitze. Das BfS teilte mit, dass die UV-Werte steigen.", "indirect", "UV-Werte steigen", "Bundesamt für Strahlenschutz"),
    ("Der Bundesgerichtshof verhandelte den Fall. Die Karlsruher Richter entschieden, dass der Vertrag nichtig sei.", "indirect", "Vertrag nichtig", "Bundesgerichtshof"),
    ("Das Umweltministerium legte einen Entwurf vor. Das Ministerium erklärte, die Grenzwerte seien gesenkt worden.", "indirect", "Grenzwerte seien gesenkt", "Umweltministerium"),
    ("Der Europäische Rechnungshof hat die Bahnprojekte geprüft. Die Rechnungsprüfer schrieben, die Planung sei mangelhaft.", "indirect", "Planung sei mangelhaft", "Europäischer Rechnungshof"),
    # coordinated speakers
    ("Sowohl Schröder als auch Brandt behaupten, von dem Plan nichts gewusst zu haben.", "indirect", "nichts gewusst", "Schröder und Brandt"),
    ("Maria Keller und Jonas Brandt sagten, sie hätten die Zeitung nie bestellt.", "indirect", "Zeitung nie bestellt", "Maria Keller und Jonas Brandt"),
    # groups without a name
    ("Manche sagen nun, die Affäre habe mit Eitelkeit zu tun.", "indirect", "Affäre habe mit Eitelkeit", "manche"),
    ("Die Betreiber privater Kliniken fürchten, dass die Reform sie benachteiligt.", "indirect", "Reform sie benachteiligt", "die Betreiber privater Kliniken"),
    # the subject after the verb, past an object pronoun
    ("„Das macht der Chef selbst“, sagt uns eine Mitarbeiterin.", "direct", "Das macht der Chef selbst", "eine Mitarbeiterin"),
    ("Das Modell ist legal, sagen uns mehrere Anwälte.", "indirect", "Das Modell ist legal", "mehrere Anwälte"),
    # the genitive owner of a frame noun speaks; a compound of a frame noun names its source
    ("Die Gebühr soll sinken, so das Ziel der Initiative.", "indirect", "Gebühr soll sinken", "die Initiative"),
    ("Laut Herstellerangaben hält der Akku zwölf Stunden.", "indirect", "Akku zwölf Stunden", "Hersteller"),
    ("Nach Regierungsangaben wurden 40 Menschen gerettet.", "indirect", "40 Menschen gerettet", "Regierung"),
    # a person's judgement: "Für X ist …", and the Konjunktiv after it continues X
    ("Für den Staatsrechtler Klaus Berg ist das Schreiben ein klarer Hinweis auf eine Spende. Hier habe die Partei gegen Regeln verstoßen.", "indirect", "Hier habe die Partei", "Klaus Berg"),
    # a view tagged after its content
    ("Nur mit mehr Personal könne die Schule die Ziele erreichen, glaubt Rektorin Ute Brand.", "indirect", "Schule die Ziele erreichen", "Ute Brand"),
    # a participle with its auxiliary elsewhere, or a finite verb tagged as a participle
    ("Der Minister soll am Montag gesagt haben, dass die Steuern steigen.", "indirect", "Steuern steigen", "der Minister"),
    ("Anna Berg kommentiert: „Das war ein guter Tag für uns alle.“", "direct", "guter Tag", "Anna Berg"),
    # the subject inside a relative clause that opens with a preposition, also a coordinated one
    ("Er traf zwei Männer, von denen Jonas Wirth behauptet, er habe sie nie gesehen.", "indirect", "er habe sie nie gesehen", "Jonas Wirth"),
    ("Er traf zwei Männer, deren Namen bekannt waren und von denen Jonas Wirth behauptet, er habe sie nie gesehen.", "indirect", "er habe sie nie gesehen", "Jonas Wirth"),
    # a verb the lemmatizer misreads is still Konjunktiv I ("ballere" of "ballern")
    ("Der Nachbar erwidert, der Mann ballere häufig in der Gegend herum.", "indirect", "Mann ballere", "der Nachbar"),
    # a separable particle right after the verb ("stritt ab, …")
    ("Der Sprecher Udo Kamm stritt ab, die Partei über den Plan informiert zu haben.", "indirect", "Partei über den Plan", "Udo Kamm"),
    # a free relative clause before the Konjunktiv verb ("Nicht alles, was … wird, sei …")
    ("Man solle einen Anwalt fragen, sagt Till Berger. Nicht alles was in den Briefen gefordert wird, sei berechtigt.", "indirect", "sei berechtigt", "Till Berger"),
    # a report interrupted by its frame goes on after it
    ("Er sei zwar Mitglied des Vereins, sagt Jonas Fink, aber man solle lieber den Vorstand fragen.", "indirect", "man solle lieber den Vorstand", "Jonas Fink"),
    # "nach Informationen X" with a view in the clause: X reports it
    ("Doch nach Informationen der Landeszeitung sehen das die Anwohner ganz anders.", "indirect", "sehen das die Anwohner", "die Landeszeitung"),
    # "demnach" after the finite verb continues the source before
    ("Die Polizei berichtete am Montag über den Unfall. Der Fahrer sei demnach zu schnell gefahren.", "indirect", "Fahrer sei demnach", "die Polizei"),
    # "Das berichtet X": the demonstrative takes up the sentence before as what X reported
    ("Die Firma hat ein Verfahren entwickelt, um alte Akkus zu recyceln. Das berichtet das Magazin Motor Review.", "indirect", "Verfahren entwickelt", "Motor Review"),
    # "Seiner Meinung nach …": the owner of the view
    ("Der Minister Peter Berg wies die Vorwürfe zurück. Seiner Meinung nach hätte die Aufsicht früher eingreifen müssen.", "indirect", "Aufsicht früher eingreifen", "Peter Berg"),
    # "nach einer Studie", "gemäß der Zeitung"
    ("Nach einer norwegischen Studie verdreifacht schon leichtes Rauchen das Risiko.", "indirect", "Rauchen das Risiko", "eine norwegische Studie"),
    ("Der Unfall kostete gemäß der Netzzeitung 40 Menschen das Leben.", "indirect", "40 Menschen das Leben", "die Netzzeitung"),
    # "…, dessen Chef sagt:": the relative genitive's noun speaks, not the antecedent
    ("Die Abteilung hat 60 Prüfer, ein großer Apparat, dessen Chef sagt: „Wir glauben erst mal gar nichts.“", "direct", "Wir glauben erst mal", "der Chef"),
    # a role with the genitive of its body is the person named with that compound role, even later
    ("Der Vorsitzende des Vereins stritt ab, die Partei informiert zu haben. Das Geld kam von uns, sagt der Vereinsvorsitzende David Bendels.", "indirect", "Partei informiert", "David Bendels"),
    # a Konjunktiv report that continues no report: the person the sentence before is about
    ("Geöffnet wird uns von einer Dame mittleren Alters. Sie ist sehr freundlich. Es sei leider niemand da.", "indirect", "niemand da", "eine Dame"),
    # "…, wie X berichtete": the frame after its content, and a quoted name in close apposition
    ("Die Sängerin hat zehn Kilo abgenommen, wie die britische Zeitung „The Sun“ berichtete.", "indirect", "zehn Kilo abgenommen", "The Sun"),
    # the owners of a statement noun speak ("Die Ankündigungen von X und Y versprachen viel: …"),
    # past a party in parentheses and a relative clause in the reported sentence
    ("Die Ankündigungen von Deutscher Bahn und Minister Andreas Scheuer (CSU) versprachen viel: Der Takt, der ab 2021 eingeführt werden soll, habe nur Vorteile.", "indirect", "habe nur Vorteile", "Deutsche Bahn und Andreas Scheuer"),
    # descriptions come out in the nominative
    ("Laut dem Urteil muss der Betreiber die Daten löschen.", "indirect", "Betreiber die Daten", "das Urteil"),
    ("Der Neubau verzögert sich nach Recherchen des Rechercheverbundes um zwei Jahre.", "indirect", "Neubau verzögert sich", "der Rechercheverbund"),
    # a name followed by the addressee in the dative
    ("„Die Liste wird länger“, sagte Gaby Allendorf der Frankfurter Rundschau.", "direct", "Die Liste wird länger", "Gaby Allendorf"),
    # a pull quote on its own line belongs to whoever says those words in the body
    ("Die Stadt baut um\n„Die Liste der Beschwerden wird immer länger“\nSeit Monaten wird gebaut. „Die Liste der Beschwerden, die bei uns eingehen, wird immer länger“, sagte Amtsleiterin Karin Busch.", "direct", "wird immer länger", "Karin Busch"),
    # both kinds at once: quoted words in a reported clause are that source's words
    ("Der Sprecher der Initiative sagte, es gehe um „kulturelle Vielfalt“ und faire Löhne.", "direct", "kulturelle Vielfalt", "der Sprecher der Initiative"),
    ("Sabine Ott kritisierte den Plan. Es sei ein „gefährliches Experiment“, sagte Ott.", "direct", "gefährliches Experiment", "Sabine Ott"),
    # a list of actions leaves the subject out: the verb after the comma shares it
    ("Die Ärztin Eva Roth untersucht den Patienten, erklärt dann, er müsse sofort operiert werden.", "indirect", "müsse sofort operiert", "Eva Roth"),
    ("Am Abend antwortet Jonas Berger mit einer Mail. Er versucht, alle Zweifel auszuräumen, schreibt etwa, er habe jede Zahl zweimal geprüft.", "indirect", "jede Zahl zweimal", "Jonas Berger"),
    # "will wissen, wie …" asks; "hält es für möglich, dass …" holds a view
    ("Der Prüfer Karl Bonn befragt die Autorin, will wissen, wie sie an die Zahlen gekommen ist.", "indirect", "an die Zahlen gekommen", "Karl Bonn"),
    ("Die Lehrerin Eva Stahl zweifelt. Sie hält es für möglich, dass die Schüler abgeschrieben haben.", "indirect", "Schüler abgeschrieben", "Eva Stahl"),
    # a Konjunktiv clause of the writer that quotes some words is still reported speech
    ("Die Lehrerin Eva Stahl zweifelt. Sie hält es für möglich, dass die Schüler abgeschrieben haben. Aber das heiße nicht, »dass wir alle Noten einfach streichen«.", "indirect", "das heiße nicht", "Eva Stahl"),
    ("Ministerin Petra Lang meldete sich am Abend. Sie habe jetzt »einen wirklich guten Plan für alle Schulen im Land«.", "indirect", "Sie habe jetzt", "Petra Lang"),
    # a subordinate clause in the prefield is no report: the verb's complement follows it
    ("Als der Minister Ralf Kern ankam, erklärte er, die Lage sei ernst.", "indirect", "Lage sei ernst", "Ralf Kern"),
    # a passive tag after its content names the document or the agent
    ("Der Verein stellte seinen Plan vor. Es gehe nicht nur um Geld, wird in der Mitteilung betont.", "indirect", "nicht nur um Geld", "die Mitteilung"),
    ("Die Straße bleibt bis Montag gesperrt, wurde von der Polizei bestätigt.", "indirect", "Straße bleibt", "die Polizei"),
    # a pronoun subject takes up the same pronoun subject before it, back to the name
    ("Am Freitag meldet sich Jonas Weber bei Paul Kramer. Er ist in diesem Gespräch sehr aufgeregt, denn sein Name steht unter dem Text. Er sagt, der Artikel sei eine Fälschung.", "indirect", "Artikel sei eine Fälschung", "Jonas Weber"),
    # a name inside the pronoun's own report is what was said, not who says it
    ("Am Abend erreichen wir den Anwalt Lutz Sommer. Peter Hansen kenne er privat, sagt er.", "indirect", "kenne er privat", "Lutz Sommer"),
    # a Konjunktiv report in a new paragraph whose subject is another named person: the chain breaks
    ("Der Anruf bei Jacek Kowal führt nicht weiter. Er sei zwar Mitglied des Vereins, sagt er.\nNächster Anruf in Kiel. Philipp Hanke geht ans Telefon. Ja, der Vorsitzende sei er.", "indirect", "Vorsitzende sei er", "Philipp Hanke"),
    # a name with a small initial opens a sentence
    ("Damals stand ein Brautkleid im Angebot. eBay hält es für möglich, dass der Rekord heute fällt.", "indirect", "Rekord heute fällt", "eBay"),
    # a year closes its sentence; the Konjunktiv II after a report stands in for Konjunktiv I
    ("Der Plan sei gescheitert, schrieben die Prüfer des Rechnungshofs im Juni 2019. An neuen Strecken hätten die Staaten kein Interesse.", "indirect", "hätten die Staaten kein Interesse", "die Prüfer des Rechnungshofs"),
    # "demnach" after a verb the tagger misread, and a role with another owner is another person
    ("„Wir sind teurer“, sagt Bahn-Manager Fabian Stenger. Vom größten Problem spricht der Manager eines anderen Konkurrenten. Ein engerer Takt und ein dichtes Netz erschwerten demnach den Zugang.", "indirect", "erschwerten demnach", "der Manager"),
    # an adverbial clause in front of the report's main clause
    ("Die Bahn strich die Nachtzüge. Um nach Italien zu kommen, müsse er heute mehrmals umsteigen, berichtet Kris Decker.", "indirect", "müsse er heute", "Kris Decker"),
    # a verbless statement interrupted by an inverted tag, and the Konjunktiv after it
    ("Manche sagen, die Affäre habe mit Eitelkeit zu tun. Eine fatale Sucht, glauben Kritiker, gerade im Ressort der Reporter.\nUnd deshalb dürfe es nicht um Schönheit gehen.", "indirect", "deshalb dürfe es", "Kritiker"),
    ("Ein schwerer Fehler, sagt Paul Roth, der sich noch rächen wird.", "indirect", "Ein schwerer Fehler", "Paul Roth"),
    # examples in apposition to the subject; the last sentence of the paragraph before announces
    # a Konjunktiv paragraph
    ("Der Bund plant einen neuen Takt für die Bahn. Bahn-Konkurrenten wie Flixbus fürchten durch den Takt große Nachteile.\nAuch für Passagiere bringe der Plan längst nicht nur Vorteile.", "indirect", "bringe der Plan", "Bahn-Konkurrenten"),
    # a partial quote without a frame in a sentence about a named person is that person's
    ("Der Konzern plant den Einstieg ins Fernsehen. Konzernchef Christoph Vilanek will mit einem Angebot kommen, das „billiger sein soll als alle anderen“.", "direct", "billiger sein soll", "Christoph Vilanek"),
    # a clause after the colon of a frame is its report; a compound narrows a generic role,
    # and a person noun as a compound's last part describes a person
    ("Der Kollege Juan Moreno ist beeindruckt.\nWenige Stunden später öffnet der IT-Kollege die Mail, die Paul Roth gezeigt hatte. Er stellt fest: Sie war kurz vor dem Gespräch verändert worden.", "indirect", "kurz vor dem Gespräch verändert", "der IT-Kollege"),
    # a frame in an adverbial clause, or one with no one as subject, does not stop a Konjunktiv report
    ("Stefan Keuter behauptet zunächst, nichts von der Zeitung gewusst zu haben. Er habe erst davon erfahren, als ihm Mitglieder von der Zeitung erzählten.", "indirect", "Er habe erst davon erfahren", "Stefan Keuter"),
    ("Andreas Keith lässt über seinen Anwalt mitteilen, dass er den Verein nicht gekannt habe. Niemand habe ihm mitgeteilt, dass die Partei Hilfe bekomme.", "indirect", "Niemand habe ihm mitgeteilt", "Andreas Keith"),
    # an agentless passive of asking or reproaching reports with no speaker
    ("Der Kandidat Jörg Meuthen wurde in einer Talkshow gefragt, warum die Partei überhaupt antrete.", "indirect", "warum die Partei", None),
    # the programme is where one was asked, the asker is named by "von"
    ("Der Kandidat Jörg Meuthen wurde in der ZDF-Talkshow Maybrit Illner gefragt, warum die Partei überhaupt antrete.", "indirect", "warum die Partei", None),
    ("Der Kandidat Jörg Meuthen wurde von der Moderatorin Anne Will gefragt, warum die Partei überhaupt antrete.", "indirect", "warum die Partei", "Anne Will"),
    ("Seit Jahren wird den Medien vorgeworfen, dass sie Fakten verdrehten.", "indirect", "Fakten verdrehten", None),
    # a Konjunktiv paragraph after a paragraph that ends with a person as subject
    ("Migration\nDie Konferenz beginnt am Montag. Der Innenminister Usman Ngom nannte am Freitag das Ziel.\nEs gehe nicht darum, die Wanderung zu verhindern.", "indirect", "Es gehe nicht darum", "Usman Ngom"),
    # "mit dem Argument, …": the subject gives the argument as its own
    ("Der Fahrgastverband kritisiert die Folie. Die BVG begegnet der Kritik mit dem Argument, die Züge seien meist unterirdisch unterwegs.", "indirect", "Züge seien meist", "BVG"),
    # the subject of "zitiert werden" is who speaks
    ("Der Minister Leon Panetta war in Japan. „Ich habe heute Kommentare gehört“, wird Panetta zitiert.", "direct", "Kommentare gehört", "Leon Panetta"),
    ("Die Ministerin Eva Stahl wird mit den Worten zitiert: „Wir machen weiter.“", "direct", "Wir machen weiter", "Eva Stahl"),
    # a description in object position is no antecedent
    ("Lutz Sommer hat sich über den Autor des Artikels informiert. Den Kläger kenne er nicht, sagt er.", "indirect", "Kläger kenne er nicht", "Lutz Sommer"),
    # the author named in the byline is no antecedent of a pronoun in the body
    ("Streit um die Gratiszeitung in Essen\nvon Lena Hoff\nIm Frühjahr erhielten viele Haushalte eine Gratiszeitung. Die Zeitung "
     "warnte vor allem vor Kriminalität. Sie enthielt Überschriften wie: „Ist Ihre Straße noch sicher?“ Der Verlag schwieg.",
     "direct", "Ist Ihre Straße", None),
]

NO_SPEAKER = [
    # a plural description is not the one person who had that role
    ("Chefredakteur Paul Busch kam spät. Die Chefredakteure sagten, die Auflage sinke.", "indirect", "Auflage sinke", "Paul Busch"),
    # an adverb at the sentence start is no person
    ("Jüngst sorgte ein Artikel von Jürgen Braatz für Furore. Er argumentiert, Chefs sollten nicht twittern.", "indirect", "Chefs sollten nicht twittern", "Jüngst"),
    # a plural company noun does not stand for the company named before
    ("Die Bahn AG plant neue Strecken. Die Konzerne sagen, der Markt sei gesättigt.", "indirect", "Markt sei gesättigt", "Bahn AG"),
    # "Für" with a place or a thing is no judgement of anyone
    ("Für die Stadt ist der Neubau ein großer Gewinn.", "indirect", "Neubau ein großer Gewinn", None),
    # a view of the writer is no one's report
    ("Die Lage ist ernst, glaube ich.", "indirect", "Die Lage ist ernst", None),
    # "Das zeigt der Test" takes nothing up: a test does not speak
    ("Das Auto fährt sehr schnell. Das zeigt der Test.", "indirect", "Auto fährt sehr schnell", None),
    # impersonal advice, the writer's own view, a participle that is no act of speaking
    ("Vor dem ersten Einsatz empfiehlt es sich, das Gerät gründlich zu reinigen.", "indirect", "Gerät gründlich zu reinigen", None),
    ("Ich fand, man müsste auch einmal loben.", "indirect", "müsste auch einmal loben", None),
    ("Der Handel steckt in der Krise und es ist Pioniergeist gefragt, um die Lage zu retten.", "indirect", "Lage zu retten", None),
    # a role with a genitive of another body is not the person who has that role elsewhere
    ("Der AfD-Vorsitzende Stefan Kurz schwieg. Der Vorsitzende des Vereins stritt ab, die Partei informiert zu haben.", "indirect", "Partei informiert", "Stefan Kurz"),
    # "gemäß" in accordance with a rule, "nach dem Spiel" in time: no source
    ("Die Einnahmen werden gemäß einem Schlüssel an die Künstler verteilt.", "indirect", "Einnahmen werden", None),
    ("Nach dem Spiel gingen alle Spieler sofort nach Hause.", "indirect", "gingen alle Spieler", None),
    # a view or perception with a zu-infinitive reports no plan
    ("Der Investor Frank Thal sah Anlass, deutliche Worte gegen die Kritiker auszusprechen.", "indirect", "deutliche Worte", None),
    # a comparison with "wie" is no frame
    ("Und der Reporter betrügt genauso gut, wie er schreibt.", "indirect", "betrügt genauso gut", None),
    # a grade in quotation marks is a label
    ("Im Test wird der Schadstoffgehalt des Sitzes mit „mangelhaft“ bewertet.", "direct", "mangelhaft", None),
    # quoted words with no source in reach stay scare quotes
    ("Das Wetter war „durchwachsen“ und die Straßen waren nass.", "direct", "durchwachsen", None),
    # a person named as an object in the new paragraph does not break the chain
    ("Jacek Kowal sagt, er sei nur ein einfaches Mitglied.\nEr besucht Philipp Hanke am Abend. Die Lage sei sehr ernst.", "indirect", "Lage sei sehr ernst", "Philipp Hanke"),
    # a passive clause set against the one before, or the passive's own subject, is no tag;
    # a relative clause after a passive hearsay verb describes its noun; an impersonal verb has no speaker
    ("Die Koalition wäre möglich, wurde aber vom Kandidaten Peter Berg abgelehnt.", "indirect", "Koalition wäre möglich", None),
    ("Vieles von dem, was die Regierung plant, wurde vom Verfassungsgericht bereits gerügt.", "indirect", "was die Regierung plant", None),
    ("Bis zum Abend wurden keine Schäden durch den Sturm berichtet, der langsam nach Süden zieht.", "indirect", "nach Süden zieht", None),
    ("Da alle zusahen, war es als Sensation zu bewerten, dass der Bischof den Armen die Füße wusch.", "indirect", "Füße wusch", None),
    # a condition or a fronted phrase before the tag is no report
    ("Die Bahn fährt wieder. Wenn der Zug ausfallen sollte, sagte Kris Decker gestern.", "indirect", "Zug ausfallen sollte", None),
    # a verbless phrase before a tag that a clause of its own follows is no statement
    ("Ein langer Tag, sagt Paul Roth, und dann geht er nach Hause.", "indirect", "Ein langer Tag", None),
    # a colon after a clause that is no frame of saying announces no report
    ("Paul Roth kennt das Problem: Die Mail war kurz vor dem Gespräch verändert worden.", "indirect", "Mail war kurz", None),
    # a colon after a clause with an object, an idiom, a modal infinitive or a passive without
    # its agent announces no report
    ("Das Gericht verlangt die Herausgabe folgender Daten: Die Namen aller Nutzer werden gebraucht.", "indirect", "Namen aller Nutzer", None),
    ("Zuletzt machte die Gruppe im Juli von sich reden: Bei einem Anschlag wurden sieben Menschen getötet.", "indirect", "sieben Menschen getötet", None),
    ("Auch Positives ist zu berichten: Eine weitere Regel wurde abgeschafft.", "indirect", "weitere Regel", None),
    ("Der Mann wird wegen des Überfalls angeklagt: Im Juli scheiterte ein Anschlag auf den Präsidenten.", "indirect", "scheiterte ein Anschlag", None),
    # a list after a passive hearsay verb is no clause; a title that "lautet" is no speaker
    ("Dem General werden 57 Verbrechen vorgeworfen, darunter Völkermord und Vertreibung.", "indirect", "Völkermord und Vertreibung", None),
    ("„Gewalt gegen Kinder“, so lautet der Titel einer Studie, die heute vorgestellt wurde.", "indirect", "Titel einer Studie", None),
    # a fronted phrase with a relative clause before the tag is no report
    ("Im Brief, den Erdal Tezic an den Präsidenten geschickt hat, erklärt er: „Das Gesetz ist ungerecht.“", "indirect", "Im Brief, den", None),
    # a list of actions with an indicative clause after the verb reports nothing
    ("Sie fährt zu seiner Wohnung, ruft an, er kommt sofort herunter.", "indirect", "er kommt sofort", None),
    # "halten für" with a noun phrase only, a relative "wo er sich sagt": no report
    ("Der Trainer hält die Mannschaft für sehr stark.", "indirect", "Mannschaft für sehr stark", None),
    ("Das sind die Momente, wo er sich sagt, dass er lieber online kauft.", "indirect", "online kauft", None),
]


def _quote(analysis, kind, words):
    hits = [q for q in analysis.quotes if q.kind == kind and words in q.text]
    assert hits, f"no {kind} quote with {words!r}: {[(q.kind, q.text) for q in analysis.quotes]}"
    return hits[0]


@pytest.mark.parametrize("text,kind,words,speaker", SPEAKERS)
def test_speaker_is_the_canonical_entity(analyze_text, text, kind, words, speaker):
    quote = _quote(analyze_text(text), kind, words)
    if speaker is None:
        assert quote.speaker is None or quote.speaker.type in ("anonymous", "unknown"), quote.speaker
    else:
        assert quote.speaker is not None and quote.speaker.name == speaker, quote.speaker


@pytest.mark.parametrize("text,kind,words,wrong", NO_SPEAKER)
def test_speaker_is_not(analyze_text, text, kind, words, wrong):
    analysis = analyze_text(text)
    hits = [q for q in analysis.quotes if q.kind == kind and words in q.text]
    if wrong is None:
        assert not hits, [(q.kind, q.text) for q in analysis.quotes]
    else:
        assert all(q.speaker is None or q.speaker.name != wrong for q in hits), [q.speaker for q in hits]


def test_pronoun_agreement_reads_the_verb_number(analyze_text):
    from quellenlage.attribution.speakers import pronoun_agreement
    from quellenlage.pipeline import get_pipeline

    doc = get_pipeline()("Am Abend schickt sie eine Nachricht. Danach sagten sie nichts mehr.")
    singular = next(t for t in doc if t.lower_ == "sie")
    plural = [t for t in doc if t.lower_ == "sie"][1]
    assert pronoun_agreement(doc[singular.i : singular.i + 1]) == ("f", False)
    assert pronoun_agreement(doc[plural.i : plural.i + 1]) == ("f", True)


MODAL = [
    ("Der Minister soll das Geld angenommen haben.", "soll", "hearsay"),
    ("Hier soll der Verband seinen Sitz haben.", "soll", "hearsay"),
    ("Hier soll der Verband residieren.", "soll", "hearsay"),
    ("Die Firma will den Mann nicht kennen.", "will", "claim"),
    ("Wir wollen mehr wissen über den Verband.", "wollen", "intention"),
    ("Die Steuer soll 2027 sinken.", "soll", "plan"),
    ("Ab Mai soll das Gerät erhältlich sein.", "soll", "plan"),
    ("Im Jahr 2030 soll der Tunnel fertiggestellt sein.", "soll", "plan"),
    ("Gestern soll der Pegel um zehn Zentimeter gestiegen sein.", "soll", "hearsay"),
    ("Die Brücke soll im Sommer abgerissen werden.", "soll", "plan"),
    ("In den kommenden Monaten will der Konzern mit zehn Bussen unterwegs sein.", "will", "intention"),
    ("Die Regierung will die Renten erhöhen.", "will", "intention"),
]


@pytest.mark.parametrize("text,modal,reading", MODAL)
def test_modal_verbs_by_meaning(text, modal, reading):
    from quellenlage.lang.de.modals import modal_reading
    from quellenlage.pipeline import get_pipeline

    doc = get_pipeline()(text)
    finite = next(t for t in doc if t.lower_ == modal)
    assert modal_reading(finite, doc[:]) == reading


def test_a_leading_frame_is_cut_from_the_report(analyze_text):
    analysis = analyze_text("Laut dem Hersteller hält der Akku zwölf Stunden.")
    quote = _quote(analysis, "indirect", "Akku zwölf Stunden")
    assert quote.text == "hält der Akku zwölf Stunden"


def test_adjectives_between_nach_and_its_frame_noun(analyze_text):
    analysis = analyze_text("Die Tunnel dienten nach israelischen Angaben dem Schmuggel von Waffen.")
    quote = _quote(analysis, "indirect", "Tunnel dienten")
    assert quote.cue is not None and quote.cue.text == "nach israelischen Angaben"
    assert quote.speaker is None or "Schmuggel" not in quote.speaker.name


def test_eigene_angaben_are_the_subjects(analyze_text):
    quote = _quote(analyze_text("Der Minister war nach eigenen Angaben nicht informiert."), "indirect", "nicht informiert")
    assert quote.speaker is not None and quote.speaker.name == "der Minister"


def test_own_research_is_no_source(analyze_text):
    analysis = analyze_text("Nach eigenen Recherchen hat die Partei das Geld nie zurückgezahlt.")
    assert not analysis.quotes


def test_a_quotation_over_several_paragraphs_is_one_quote_per_paragraph(analyze_text):
    text = (
        "Die Anwältin Karin Vogt erklärt, was Betroffene tun können:\n"
        "„Wer betroffen ist, sollte zuerst die Daten sichern. Das kostet wenig Zeit.\n"
        "Danach lohnt sich ein Brief an den Betreiber, der eine „Pflicht zur Löschung“ hat.\n"
        "Erst wenn das nicht hilft, bleibt der Weg zum Gericht.“\n"
        "Die Kanzlei sitzt in Bonn."
    )
    analysis = analyze_text(text)
    paragraphs = [q for q in analysis.quotes if q.kind == "direct" and q.text.split()[0] in ("Wer", "Danach", "Erst")]
    assert [q.text.split()[0] for q in paragraphs] == ["Wer", "Danach", "Erst"]
    assert all(q.speaker is not None and q.speaker.name == "Karin Vogt" for q in paragraphs), [q.speaker for q in paragraphs]
    assert not any("Kanzlei" in q.text for q in analysis.quotes)


def test_angeblich_passes_on_a_claim_without_a_source(analyze_text):
    quote = _quote(analyze_text("Der Minister hat das Geld angeblich nie erhalten."), "indirect", "Geld angeblich nie erhalten")
    assert quote.cue is not None and quote.cue.text == "angeblich" and quote.speaker is None


def test_a_dass_clause_keeps_the_clauses_that_depend_on_it(analyze_text):
    analysis = analyze_text("Ein Sachbearbeiter sagte, dass es unwahrscheinlich sei, dass jemand beim Amt lüge. Danach ging er.")
    quote = _quote(analysis, "indirect", "unwahrscheinlich sei")
    assert quote.text == "dass es unwahrscheinlich sei, dass jemand beim Amt lüge"


def test_a_frame_after_the_report_is_not_swallowed(analyze_text):
    quote = _quote(analyze_text("Er sagte, dass die Preise steigen würden, wie die Zeitung berichtet."), "indirect", "Preise steigen")
    assert "berichtet" not in quote.text


def test_indicative_report_after_a_verb_of_saying(analyze_text):
    quote = _quote(analyze_text("Die Zeitung hatte berichtet, 200 Mitarbeiter sollen entlassen werden."), "indirect", "200 Mitarbeiter")
    assert quote.speaker is not None and quote.speaker.name == "die Zeitung"
    assert not any(q.kind == "indirect" for q in analyze_text("Er sagte nichts, und ging nach Hause.").quotes)


def test_a_view_or_a_publication_without_content_is_no_source(analyze_text):
    analysis = analyze_text("Ist das eine Marke? Greta Berg sieht das offenbar so. Die Abendpost veröffentlichte einen Text. Der Verband kritisierte die Pläne.")
    assert "Abendpost" not in " ".join(s.name for s in analysis.sources)
    names = [s.name for s in analysis.sources]
    assert "Greta Berg" not in names and any("Verband" in n for n in names), names


def test_the_agency_of_a_wire_dateline_is_a_source(analyze_text):
    analysis = analyze_text("Gericht verurteilt Betrüger\n\nFrankfurt/Main (dpa) - Ein Mann muss drei Jahre in Haft. Er hatte Rentner betrogen.")
    assert ("dpa", "agency") in [(s.name, s.type) for s in analysis.sources]
    plain = analyze_text("Gericht verurteilt Betrüger\n\nFrankfurt/Main - Ein Mann (42) muss drei Jahre in Haft.")
    assert not any(s.type == "agency" for s in plain.sources)


def test_agencies_named_only_by_their_kind_in_the_byline(analyze_text):
    analysis = analyze_text("Uber verliert weniger\n\nDer Konzern hat im Quartal weniger Verlust gemacht als erwartet. Die Aktie stieg am Abend deutlich.\n\nQuelle: Agenturen")
    assert ("Agenturen", "agency") in [(s.name, s.type) for s in analysis.sources]


@pytest.mark.parametrize(
    ("text", "start", "end", "gender"),
    [
        ("Laut der Sprecherin Kim Weber", 1, 5, "f"),  # genitive/dative feminine: "der …in"
        ("Laut der Sprecher Kim Weber", 1, 5, "m"),
        ("Das sagte Frau Kim Weber", 3, 5, "f"),  # a title before the name
    ],
)
def test_person_gender_from_article_and_title(text, start, end, gender):
    import spacy

    from quellenlage.attribution.entities import EntityCluster, person_gender

    doc = spacy.blank("de")(text)
    assert person_gender(EntityCluster(id="e1", name="Kim Weber", type="person", mentions=[doc[start:end]])) == gender


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a generic occupation picks up the person its paragraph is about, not an earlier holder
        ("Der SPD-Politiker Martin Schulz sprach am Montag in Berlin.\nGuido Reil, der Spitzenkandidat der Partei, "
         "wurde gefragt, warum die Partei antrete. Er wolle für Transparenz sorgen, antwortete der Politiker.\n", "Guido Reil"),
        # the person the paragraph starts with, not one it names in passing
        ("Der SPD-Politiker Martin Schulz sprach am Montag in Berlin.\nGuido Reil wurde in der Sendung von Markus Lanz "
         "gefragt, warum die Partei antrete. Er wolle für Transparenz sorgen, antwortete der Politiker.\n", "Guido Reil"),
        # an office refers to its holder, even when another person stands nearer
        ("Bundeskanzler Olaf Scholz sprach am Montag in Berlin.\nScholz traf Guido Reil. Die Lage sei ernst, sagte der Kanzler.\n",
         "Olaf Scholz"),
        # the paragraph names a holder of the role itself: that holder
        ("Die Politikerin Anna Berg traf am Montag Guido Reil. Die Lage sei ernst, sagte die Politikerin.\n", "Anna Berg"),
    ],
)
def test_definite_role_descriptions(text, speaker):
    from quellenlage import analyze

    [quote] = [q for q in analyze(text).quotes if "sorgen" in q.text or "ernst" in q.text]
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_quoted_headline_is_a_direct_quote_of_its_speaker() -> None:
    """ANNOTATION: a quoted title is a direct quote of the speaker it belongs to; a headline
    that is not one quotation as a whole gives none."""
    import quellenlage

    body = "\nDer Kreisverband und der Saal\nAm Montag schrieb Kreischef Andreas Kolb an den Vorstand: „Wir haben die Zusage, dass der Saal frei bleibt.“"
    quoted = quellenlage.analyze("„Wir haben die Zusage“" + body)
    headline = next(line for line in quoted.lines if line.role == "headline")
    in_headline = [q for q in quoted.quotes if headline.start <= q.start < headline.start + len(headline.text)]
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in in_headline] == [("direct", "Wir haben die Zusage", "Andreas Kolb")]
    plain = quellenlage.analyze("Kolb: „Wir haben die Zusage“ für den Saal" + body)
    headline = next(line for line in plain.lines if line.role == "headline")
    assert not [q for q in plain.quotes if q.kind == "direct" and headline.start <= q.start < headline.start + len(headline.text)]


def test_a_ruling_without_a_court_named_before_stays_the_document(analyze_text):
    analysis = analyze_text("Der Verein verlor den Streit. Laut dem Urteil muss er die Kosten tragen.")
    quote = next(q for q in analysis.quotes if "Kosten tragen" in q.text)
    assert quote.speaker is not None and quote.speaker.type == "document" and "Urteil" in quote.speaker.name


def test_the_ruling_of_a_court_is_listed_as_a_document_beside_the_court(analyze_text):
    analysis = analyze_text("Das Landgericht Berlin hat den Fall verhandelt. Dem Beschluss zufolge muss die Firma zahlen.")
    types = {s.name: s.type for s in analysis.sources}
    assert types.get("Landgericht Berlin") == "organization" and "document" in types.values(), types


def test_an_institution_named_after_a_person_is_an_organisation(analyze_text):
    analysis = analyze_text("Das Robert Koch-Institut teilte am Montag mit, die Lage sei ernst.")
    quote = next(q for q in analysis.quotes if "Lage sei ernst" in q.text)
    assert quote.speaker is not None and quote.speaker.type == "organization", quote.speaker



def test_a_group_without_a_name_speaks_as_anonymous(analyze_text):
    """ANNOTATION.md: a speaker without any name has type anonymous, in the quote as in the source list."""
    analysis = analyze_text("Kritiker sagen, das neue Gesetz sei verfassungswidrig. Der Anwalt Hans Berg sagte, es sei zulässig.")
    group = next(q for q in analysis.quotes if "verfassungswidrig" in q.text)
    named = next(q for q in analysis.quotes if "zulässig" in q.text)
    assert group.speaker_type == "anonymous" and named.speaker_type == "person"


@pytest.mark.parametrize("text,words", [
    ("Ein Gutachter sagte, das Haus sei einsturzgefährdet.", "Haus sei einsturzgefährdet"),
    ("Die Täterin gab an, sie habe aus Eifersucht gehandelt.", "aus Eifersucht gehandelt"),
    ("Ein Kommandeur der Rebellen sagte, die Stadt sei gefallen.", "Stadt sei gefallen"),
])
def test_an_unnamed_person_is_an_anonymous_speaker(analyze_text, text, words):
    """ANNOTATION.md: a speaker without a name gets a short description and type anonymous."""
    quote = next(q for q in analyze_text(text).quotes if words in q.text)
    assert quote.speaker is not None and quote.speaker_type == "anonymous", (quote.speaker, quote.speaker_type)


def test_an_institution_noun_before_a_place_stays_in_the_organisation(analyze_text):
    """"Universität Mannheim": an institution noun is no person's role, so it is not cut from the
    name, and the place after it is no person."""
    analysis = analyze_text("Laut einer Studie der Universität Mannheim sind viele Befragte unzufrieden.")
    quote = next(q for q in analysis.quotes if "unzufrieden" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Universität Mannheim" and quote.speaker.type == "organization"
