#!/usr/bin/env bats
# tt-tokenise: Dutch tokens, sentences, paragraphs, transcript turns, bad input.

load helper

T="$FIX/tt-tokenise"
# Only for bash's own $'\u...' strings: the program does not look at the locale.
export LC_ALL=C.UTF-8

# sentences [ARGS]: the tokens of tt-tokenise's stream, separated by spaces,
# one sentence a line (exit status of tt-tokenise kept).
sentences() {
	set -o pipefail
	tt-tokenise "$@" | awk -F'\t' 'NR > 1 {
		if (NR > 2) printf "%s", ($4 != s ? "\n" : " ")
		printf "%s", $7; s = $4 }
		END { if (NR > 1) printf "\n" }'
}

# typed [ARGS]: "type:word" for every token, space-separated, one line.
typed() {
	set -o pipefail
	tt-tokenise "$@" | awk -F'\t' 'NR > 1 { printf "%s%s:%s", (NR > 2 ? " " : ""), $6, $7 }
		END { printf "\n" }'
}

# ---- the stream --------------------------------------------------------------

@test "the whole stream of a small text, every column" {
	run --separate-stderr tt-tokenise <<<$'De wmo-consulent belt.\n\nZe komt morgen.'
	assert_success
	assert_output "$STREAM_HEADER"$'
<stdin>\t1\t1\t1\t1\tword\tDe\t_
<stdin>\t1\t1\t1\t2\tword\twmo-consulent\t_
<stdin>\t1\t1\t1\t3\tword\tbelt\t_
<stdin>\t1\t1\t1\t4\tpunct\t.\t_
<stdin>\t3\t2\t2\t5\tword\tZe\t_
<stdin>\t3\t2\t2\t6\tword\tkomt\t_
<stdin>\t3\t2\t2\t7\tword\tmorgen\t_
<stdin>\t3\t2\t2\t8\tpunct\t.\t_'
	[ -z "$stderr" ]
}

@test "the line column points into the source across wrapped lines" {
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | cut -f2,4,7 | sed -n "2,4p;15,18p"' _ "$T/nota.txt"
	assert_success
	assert_output $'1\t1\t1.\n1\t1\tInleiding\n2\t2\tDe\n2\t3\tvraagt\n2\t3\tom\n3\t3\tmaatwerk\n3\t3\tvan'
}

@test "empty input gives the header only" {
	run --separate-stderr tt-tokenise </dev/null
	assert_success
	assert_output "$STREAM_HEADER"
	[ -z "$stderr" ]
}

@test "--doc names standard input; files are named by their path" {
	run --separate-stderr bash -c 'set -o pipefail; echo Hallo | tt-tokenise --doc nota-2015.txt | cut -f1 | tail -1'
	assert_success
	assert_output 'nota-2015.txt'
	cp "$T/naam.txt" "$BATS_TEST_TMPDIR/#notes	x.txt"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "#notes	x.txt" | cut -f1 | sed -n 2p'
	assert_success
	assert_output '\#notes\tx.txt'
}

@test "several files: one header, each its own doc, numbers restart" {
	run --separate-stderr bash -c 'set -o pipefail; cd "$1" && tt-tokenise teams-docx.txt zoom.vtt | cut -f1-5,7' _ "$T"
	assert_success
	assert_output $'#doc\tline\tpar\tsent\ttok\tword
teams-docx.txt\t2\t1\t1\t1\tGoedemorgen
teams-docx.txt\t2\t1\t1\t2\tallemaal
teams-docx.txt\t2\t1\t1\t3\t.
teams-docx.txt\t5\t2\t2\t4\tMorgen
teams-docx.txt\t5\t2\t2\t5\t.
zoom.vtt\t5\t1\t1\t1\tWie
zoom.vtt\t5\t1\t1\t2\tbegint
zoom.vtt\t5\t1\t1\t3\ter
zoom.vtt\t5\t1\t1\t4\t?
zoom.vtt\t9\t2\t2\t5\tIk
zoom.vtt\t9\t2\t2\t6\twel
zoom.vtt\t9\t2\t2\t7\t.'
	[ -z "$stderr" ]
}

@test "token numbers count 1, 2, ... across every new digit and batch" {
	# 200,000 tokens: 9 -> 10 ... 99,999 -> 100,000, and some 64 KB
	# batches of records
	run bash -c 'set -o pipefail; for i in $(seq 50000); do echo "Zij doen mee."; done |
	    tt-tokenise | awk -F"\t" '"'"'NR > 1 && $5 != NR - 1 { print NR ": " $0; exit 1 }
	    END { print NR - 1 }'"'"''
	assert_success
	assert_output 200000
}

@test "a backslash and a lone underscore are escaped in the word column" {
	run --separate-stderr bash -c 'set -o pipefail; printf "a \\\\ _ b\n" | tt-tokenise | cut -f7'
	assert_success
	assert_output $'word\na\n\\\\\n\\_\nb'
}

# ---- Dutch words ---------------------------------------------------------------

@test "abbreviations from the list are one token of type abbr" {
	run --separate-stderr typed <<<'bijv. o.a. m.b.t. e.d. vgl. dhr. mevr. nr. 5 p. 3 pp. 4 t.a.v. de a.s. vergadering, z.g.a.n. en jl. enz.'
	assert_success
	assert_output 'abbr:bijv. abbr:o.a. abbr:m.b.t. abbr:e.d. abbr:vgl. abbr:dhr. abbr:mevr. abbr:nr. num:5 abbr:p. num:3 abbr:pp. num:4 abbr:t.a.v. word:de abbr:a.s. word:vergadering punct:, abbr:z.g.a.n. word:en abbr:jl. abbr:enz.'
}

@test "abbreviations match whatever their case; unknown words keep the full stop apart" {
	run --separate-stderr typed <<<'Bijv. Dhr. NR. 5 en de kat.'
	assert_success
	assert_output 'abbr:Bijv. abbr:Dhr. abbr:NR. num:5 word:en word:de word:kat punct:.'
}

@test "a word-like abbreviation is one only before a small word or a number" {
	run --separate-stderr sentences <<<'Bel tel. 030-1234567 of kom op 1 jan. 2016 langs. Dat zei Jan. Hij ging 5 km. Daarna niet.'
	assert_success
	assert_output $'Bel tel. 030-1234567 of kom op 1 jan. 2016 langs .\nDat zei Jan .\nHij ging 5 km .\nDaarna niet .'
}

@test "clitics and apostrophes: z'n m'n 't 's avonds auto's baby's cd's" {
	run --separate-stderr typed <<<$'z\'n m\'n zo\'n \'t huis \'s avonds auto\'s baby\'s cd\'s \'s-Hertogenbosch z\u2019n \u2019s ochtends de jaren \'90'
	assert_success
	assert_output $'word:z\'n word:m\'n word:zo\'n word:\'t word:huis word:\'s word:avonds word:auto\'s word:baby\'s word:cd\'s word:\'s-Hertogenbosch word:z\u2019n word:\u2019s word:ochtends word:de word:jaren num:\'90'
}

@test "an apostrophe that is a quotation mark stays apart" {
	run --separate-stderr sentences <<<"Ze noemt het 'eigen kracht'. 'Samen' werkt."
	assert_success
	assert_output $'Ze noemt het \' eigen kracht \' .\n\' Samen \' werkt .'
}

@test "hyphenated compounds are one token, the elision hyphen stays on its word" {
	run --separate-stderr sentences <<<'De wmo-consulenten, formeel-informeel, e-mail en zorg- en welzijnsinstellingen, beleidsmakers en -uitvoerders, doelgroep-/populatieniveau.'
	assert_success
	assert_output 'De wmo-consulenten , formeel-informeel , e-mail en zorg- en welzijnsinstellingen , beleidsmakers en -uitvoerders , doelgroep-/populatieniveau .'
}

@test "a spaced dash is a token of its own" {
	run --separate-stderr typed <<<'zorg - en welzijn -- of -- niet'
	assert_success
	assert_output 'word:zorg punct:- word:en word:welzijn punct:-- word:of punct:-- word:niet'
}

@test "brackets: medewerker(s) and (ex-)partner are words, other brackets apart" {
	run --separate-stderr typed <<<'De medewerker(s) en (ex-)partners (zie bijlage) [1] milieu(-vervuiling).'
	assert_success
	assert_output 'word:De word:medewerker(s) word:en word:(ex-)partners punct:( word:zie word:bijlage punct:) punct:[ num:1 punct:] word:milieu(-vervuiling) punct:.'
}

@test "slashes and ampersands join words: en/of, R&D, 2014/15" {
	run --separate-stderr typed <<<'en/of R&D 2014/15 2/3 a / b'
	assert_success
	assert_output 'word:en/of word:R&D num:2014/15 num:2/3 word:a punct:/ word:b'
}

@test "numbers: decimals, thousands, times, ordinals, ages, percentages" {
	run --separate-stderr typed <<<'2,5 1.000.000 12:30 12.30 2e 3de 21ste 18-jarige 25% 25 % 9:00-17:00 U1.2.3'
	assert_success
	assert_output 'num:2,5 num:1.000.000 num:12:30 num:12.30 num:2e num:3de num:21ste word:18-jarige num:25% num:25 sym:% num:9:00-17:00 word:U1.2.3'
}

@test "amounts and dates" {
	run --separate-stderr typed <<<'€ 2,50 €2,50 € 25,- en 1-1-2015, 2015-01-31 of 12-03-2024.'
	assert_success
	assert_output 'sym:€ num:2,50 sym:€ num:2,50 sym:€ num:25,- word:en num:1-1-2015 punct:, num:2015-01-31 word:of num:12-03-2024 punct:.'
}

@test "URLs, bare domains and e-mail addresses, without the punctuation after them" {
	run --separate-stderr typed <<<'Zie https://www.rijksoverheid.nl/wmo?a=1&b=2. Of (www.gemeente.nl/zorg), vng.nl; mail wmo.loket@utrecht.nl.'
	assert_success
	assert_output 'word:Zie url:https://www.rijksoverheid.nl/wmo?a=1&b=2 punct:. word:Of punct:( url:www.gemeente.nl/zorg punct:) punct:, url:vng.nl punct:; word:mail email:wmo.loket@utrecht.nl punct:.'
}

@test "hashtags and @-mentions are tags" {
	run --separate-stderr typed <<<'#eigenkracht en #wmo2015 door @gemeente_utrecht, @VNG! # los'
	assert_success
	assert_output 'tag:#eigenkracht word:en tag:#wmo2015 word:door tag:@gemeente_utrecht punct:, tag:@VNG punct:! sym:# word:los'
}

@test "quotes: ,, '' and typographic quotes are tokens; ellipses are one token" {
	run --separate-stderr typed <<<$',,Ja\'\' \u201EZo\u201D \u201Cdus\u201D \u2018ook\u2019 en... of\u2026 ?!'
	assert_success
	assert_output $'punct:,, word:Ja punct:\'\' punct:\u201E word:Zo punct:\u201D punct:\u201C word:dus punct:\u201D punct:\u2018 word:ook punct:\u2019 word:en punct:... word:of punct:\u2026 punct:?!'
}

@test "an emoji with its modifiers, a ZWJ sequence and a flag are one symbol each" {
	run --separate-stderr typed <<<$'Top \U0001F44D\U0001F3FD \U0001F469\u200D\u2695\uFE0F zorg \U0001F1F3\U0001F1F1\U0001F1E7\U0001F1EA \u2764\uFE0F.'
	assert_success
	assert_output $'word:Top sym:\U0001F44D\U0001F3FD sym:\U0001F469\u200D\u2695\uFE0F word:zorg sym:\U0001F1F3\U0001F1F1 sym:\U0001F1E7\U0001F1EA sym:\u2764\uFE0F punct:.'
}

# ---- sentences and paragraphs ------------------------------------------------

@test "sentences end at . ! ? before a capital, not before a small word" {
	run --separate-stderr sentences <<<'Het werkt! Echt? Ja. En nu... Verder. Wat? zei hij.'
	assert_success
	assert_output $'Het werkt !\nEcht ?\nJa .\nEn nu ...\nVerder .\nWat ? zei hij .'
}

@test "closing quotes stay with their sentence; an opening quote starts one" {
	run --separate-stderr sentences <<<",,Mijn niveau is omhoog gegaan.'' Ze lachte. ,,Dat is mooi.'' ,,wij ook,'' zei hij."
	assert_success
	assert_output $',, Mijn niveau is omhoog gegaan . \'\'\nZe lachte .\n,, Dat is mooi . \'\' ,, wij ook , \'\' zei hij .'
}

@test "initials, titles and o.a. do not end a sentence; enz. before a capital does" {
	run --separate-stderr sentences <<<'Dhr. J.W. de Vries en A. Jansen zagen o.a. Utrecht, Zeist enz. De rest volgt.'
	assert_success
	assert_output $'Dhr. J.W. de Vries en A. Jansen zagen o.a. Utrecht , Zeist enz.\nDe rest volgt .'
}

@test "dotted country names end sentences; an initial before a bracket is a letter" {
	run --separate-stderr sentences <<<'Hij woont in de V.S. Daar werkt hij (zie bijlage B.) Dat is 18- tot 23-jarigen.'
	assert_success
	assert_output $'Hij woont in de V.S.\nDaar werkt hij ( zie bijlage B . )\nDat is 18- tot 23-jarigen .'
}

@test "an abbreviation at the end of a paragraph ends the sentence" {
	run --separate-stderr bash -c 'set -o pipefail; printf "Zorg, welzijn enz.\n\nNieuw.\n" | tt-tokenise | cut -f3,4,7'
	assert_success
	assert_output $'par\tsent\tword\n1\t1\tZorg\n1\t1\t,\n1\t1\twelzijn\n1\t1\tenz.\n2\t2\tNieuw\n2\t2\t.'
}

@test "headings and list items without a full stop are sentences of their own" {
	run --separate-stderr sentences "$T/nota.txt"
	assert_success
	assert_output $'1. Inleiding
De gemeente wil de eigen kracht van inwoners versterken .
Dat vraagt om maatwerk van het wijkteam en inzet van mantelzorgers , buren en vrijwilligers , bijv. bij de boodschappen .
Doelen
- meer zelfredzaamheid
- minder dure maatwerkvoorzieningen
\u2022 samenspel tussen formele en informele zorg
2.1 Financi\u00EBn
Het budget bedraagt \u20AC 2,5 mln.
De kosten per cli\u00EBnt dalen t.o.v. 2015 met 12% .
Zie www.rijksoverheid.nl of mail naar wmo@gemeente.nl ...
Dhr. J.W. de Vries ( wethouder ) zei : ,, Dit is een mooie stap . \'\'
Mevr. Jansen was het er mee eens .'
}

@test "rows of a table laid out with spaces are sentences of their own" {
	run --separate-stderr sentences <<<$'Meldingen                                 1.363     1.486       +9%\nAfgehandeld na triage                       559       713      +28%\nDe cijfers stijgen.'
	assert_success
	assert_output $'Meldingen 1.363 1.486 + 9%\nAfgehandeld na triage 559 713 + 28%\nDe cijfers stijgen .'
}

# numbered [ARGS]: one sentence a line, "sent: tokens", from tt-tokenise's stream.
numbered() {
	set -o pipefail
	tt-tokenise "$@" | awk -F'\t' 'NR > 1 {
		if ($4 != s) printf "%s%s:", (NR > 2 ? "\n" : ""), $4
		printf " %s", $7; s = $4 }
		END { if (NR > 1) printf "\n" }'
}

@test "a heading run into its text ends before a capitalised function word" {
	run --separate-stderr numbered <<<'Wijkteams In elke wijk werkt een team. Mantelzorg en respijt Het college steunt mantelzorgers.'
	assert_success
	assert_output $'1: Wijkteams\n2: In elke wijk werkt een team .\n3: Mantelzorg en respijt\n4: Het college steunt mantelzorgers .'
}

@test "no heading end before a name, a title after a function word, or after a list number" {
	run --separate-stderr numbered <<<$'Mevrouw De Vries en de heer Van der Meer spreken.\n\nNaast Een tegen eenzaamheid loopt een ander programma.\n\n1. De gemeente betaalt.\n\n2.3 Over de wijk gaat het.'
	assert_success
	assert_output $'1: Mevrouw De Vries en de heer Van der Meer spreken .\n2: Naast Een tegen eenzaamheid loopt een ander programma .\n3: 1. De gemeente betaalt .\n4: 2.3 Over de wijk gaat het .'
}

@test "a heading repeated by the first word of its text is a sentence of its own" {
	run --separate-stderr numbered <<<'Vrijwilligers Vrijwilligers doen veel. Respijtzorg De respijtzorg helpt.'
	assert_success
	assert_output $'1: Vrijwilligers\n2: Vrijwilligers doen veel .\n3: Respijtzorg\n4: De respijtzorg helpt .'
}

@test "fields of a label list on one line are sentences; after a colon too" {
	run --separate-stderr numbered -S <<<$'Voorzitter: Anna de Wit Secretaris: Piet Bos Penningmeester: Ali Yilmaz\n\nCDA: 4 VVD: 6 PvdA: 3\n\nHelmond: Anna van Dam Deurne: Piet Bos\n\nHet bestuur bestaat uit: Voorzitter: Anna de Wit'
	assert_success
	assert_output $'1: Voorzitter : Anna de Wit\n2: Secretaris : Piet Bos\n3: Penningmeester : Ali Yilmaz\n4: CDA : 4\n5: VVD : 6\n6: PvdA : 3\n7: Helmond : Anna van Dam\n8: Deurne : Piet Bos\n9: Het bestuur bestaat uit :\n10: Voorzitter : Anna de Wit'
}

@test "a colon in running text or a long value starts no field" {
	run --separate-stderr numbered -S <<<$'Het doel is duidelijk: Helmond wil meer zelfredzaamheid.\n\nDoel: dat inwoners met hulp van buren en vrijwilligers langer thuis blijven wonen Helmond: ja'
	assert_success
	assert_output $'1: Het doel is duidelijk : Helmond wil meer zelfredzaamheid .\n2: Doel : dat inwoners met hulp van buren en vrijwilligers langer thuis blijven wonen Helmond : ja'
}

@test "items ending in a bracketed year or a year after a title are sentences" {
	run --separate-stderr numbered <<<$'Jan Bos (1950) Anna de Wit (1962-2020) Piet Mol\n\nDe keuze (1) Wonen of (2) Zorg valt in de Wmo (2015) niet zwaar.\n\n\u00ABSamen sterk\u00BB 2015-2018 \u00ABEigen kracht\u00BB 2019-heden \u201CDoe mee\u201D 2021'
	assert_success
	assert_output $'1: Jan Bos ( 1950 )\n2: Anna de Wit ( 1962-2020 )\n3: Piet Mol\n4: De keuze ( 1 ) Wonen of ( 2 ) Zorg valt in de Wmo ( 2015 ) niet zwaar .\n5: \u00AB Samen sterk \u00BB 2015-2018\n6: \u00AB Eigen kracht \u00BB 2019-heden\n7: \u201C Doe mee \u201D 2021'
}

@test "a round bracket after a full stop starts a sentence, not after an abbreviation" {
	run --separate-stderr numbered <<<'Het plan is klaar. (zie bijlage 2) Daarna volgt de uitvoering. Zorg en welzijn enz. (zie bijlage) blijven. Ja. [gelach] zo gaat dat.'
	assert_success
	assert_output $'1: Het plan is klaar .\n2: ( zie bijlage 2 ) Daarna volgt de uitvoering .\n3: Zorg en welzijn enz. ( zie bijlage ) blijven .\n4: Ja . [ gelach ] zo gaat dat .'
}

@test "a capital before a full stop and a function word ends a sentence; initials do not" {
	run --separate-stderr numbered <<<'Zie bijlage B. Daarin staan de cijfers. Wethouder J. De Vries en psycholoog F. Jansen en dhr. A. van Dam openen.'
	assert_success
	assert_output $'1: Zie bijlage B .\n2: Daarin staan de cijfers .\n3: Wethouder J. De Vries en psycholoog F. Jansen en dhr. A. van Dam openen .'
}

@test "a spaced straight quote before a full stop closes the quotation" {
	run --separate-stderr numbered <<<'Ze zei: "het komt goed... ". Daarna ging ze. Hij zei "Kom".'
	assert_success
	assert_output $'1: Ze zei : " het komt goed ... " .\n2: Daarna ging ze .\n3: Hij zei " Kom " .'
}

@test "an abbreviation joined to a word by a hyphen is one word" {
	run --separate-stderr typed <<<'De St.-Janstraat en het O.L.V.-college.'
	assert_success
	assert_output 'word:De word:St.-Janstraat word:en word:het word:O.L.V.-college punct:.'
}

@test "a numbered list marker is one token and no sentence end" {
	run --separate-stderr typed <<<$'1. Eerst\n2. Dan\na. ook'
	assert_success
	assert_output 'num:1. word:Eerst num:2. word:Dan abbr:a. word:ook'
}

@test "blank lines separate paragraphs; a wrapped sentence stays one" {
	run --separate-stderr bash -c 'set -o pipefail; printf "De gemeente zorgt voor een goede\nondersteuning van alle inwoners.\n\n\n\nTweede alinea.\n" | tt-tokenise | cut -f2-4 | uniq'
	assert_success
	assert_output $'line\tpar\tsent\n1\t1\t1\n2\t1\t1\n6\t2\t2'
}

# ---- transcripts -------------------------------------------------------------

@test "Naam: at the start of a line gives the speaker; a new turn is a new paragraph" {
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | cut -f2-4,7,8' _ "$T/naam.txt"
	assert_success
	assert_output $'line\tpar\tsent\tword\tspeaker
1\t1\t1\tHoe\tInterviewer
1\t1\t1\tervaart\tInterviewer
1\t1\t1\tu\tInterviewer
1\t1\t1\tde\tInterviewer
1\t1\t1\tzorg\tInterviewer
1\t1\t1\t?\tInterviewer
2\t2\t2\tGoed\tMevrouw De Boer
2\t2\t2\t.\tMevrouw De Boer
2\t2\t3\tHet\tMevrouw De Boer
2\t2\t3\twijkteam\tMevrouw De Boer
2\t2\t3\tkomt\tMevrouw De Boer
2\t2\t3\telke\tMevrouw De Boer
2\t2\t3\tweek\tMevrouw De Boer
2\t2\t3\t.\tMevrouw De Boer
3\t2\t4\tDat\tMevrouw De Boer
3\t2\t4\tis\tMevrouw De Boer
3\t2\t4\tfijn\tMevrouw De Boer
3\t2\t4\t.\tMevrouw De Boer
5\t3\t5\tNiet\t_
5\t3\t5\tmeer\t_
5\t3\t5\tvan\t_
5\t3\t5\tde\t_
5\t3\t5\tspreker\t_
5\t3\t5\t.\t_'
}

@test "Name: inside wrapped running text is no turn" {
	run --separate-stderr bash -c 'set -o pipefail; printf "%s\n" "De gemeente werkt samen met andere gemeenten in de regio, zoals in" "Utrecht: daar is het wijkteam al jaren actief." | tt-tokenise | cut -f3,7,8 | sed -n "15,17p"'
	assert_success
	assert_output $'1\tUtrecht\t_\n1\t:\t_\n1\tdaar\t_'
}

@test "document fields (Datum:, Onderwerp:, aligned fields) are no turns" {
	run --separate-stderr bash -c 'set -o pipefail; printf "%s\n" "Datum: 2 juni 2025" "Onderwerp: Hulp nodig?" "Kenmerk:     SD/2025/0147" "Agendapunt:  7" "Inloop: maandag t/m donderdag" | tt-tokenise | cut -f8 | sort -u'
	assert_success
	assert_output $'_\nspeaker'
}

@test "once a text has had a turn, a turn may start in lower case" {
	run --separate-stderr bash -c 'set -o pipefail; printf "%s\n" "R1: Ja." "R2: nou nee" | tt-tokenise | cut -f7,8 | paste -sd" "'
	assert_success
	assert_output $'word\tspeaker Ja\tR1 .\tR1 nou\tR2 nee\tR2'
}

@test "character references in WebVTT cue text" {
	run --separate-stderr bash -c 'set -o pipefail; printf "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jan>Zorg &amp; Welzijn&nbsp;en R&D</v>\n" | tt-tokenise | cut -f6,7 | paste -sd" "'
	assert_success
	assert_output $'type\tword word\tZorg sym\t&amp; word\tWelzijn word\ten word\tR&D'
}

@test "--no-speakers reads Naam: as text" {
	run --separate-stderr bash -c 'set -o pipefail; echo "Doel: Het versterken." | tt-tokenise --no-speakers | cut -f7,8 | paste -sd" "'
	assert_success
	assert_output $'word\tspeaker Doel\t_ :\t_ Het\t_ versterken\t_ .\t_'
}

@test "WebVTT from Teams: header, cue ids, timings and NOTE dropped, <v Naam> is the speaker" {
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | cut -f2-4,7,8' _ "$T/teams.vtt"
	assert_success
	assert_output $'line\tpar\tsent\tword\tspeaker
5\t1\t1\tGoedemorgen\tJan de Vries
5\t1\t1\tallemaal\tJan de Vries
5\t1\t1\t.\tJan de Vries
5\t1\t2\tZullen\tJan de Vries
5\t1\t2\twe\tJan de Vries
9\t1\t2\tbeginnen\tJan de Vries
9\t1\t2\tmet\tJan de Vries
9\t1\t2\tde\tJan de Vries
9\t1\t2\twijkteams\tJan de Vries
9\t1\t2\t?\tJan de Vries
15\t2\t3\tJa\tFatima El Amrani
15\t2\t3\t,\tFatima El Amrani
15\t2\t3\tgraag\tFatima El Amrani
15\t2\t3\t.\tFatima El Amrani'
}

@test "WebVTT from Zoom: Naam: in the cue text is the speaker" {
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | cut -f3,4,7,8 | paste -sd" "' _ "$T/zoom.vtt"
	assert_success
	assert_output $'par\tsent\tword\tspeaker 1\t1\tWie\tAnna Smit 1\t1\tbegint\tAnna Smit 1\t1\ter\tAnna Smit 1\t1\t?\tAnna Smit 2\t2\tIk\tPiet 2\t2\twel\tPiet 2\t2\t.\tPiet'
}

@test "SRT: cue numbers and timings dropped, tags skipped, sentences run across cues" {
	run --separate-stderr sentences "$T/zoom.srt"
	assert_success
	assert_output $'Welkom bij de bewonersavond .\nVandaag gaat het over mantelzorg .'
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | cut -f2 | uniq | paste -sd" "' _ "$T/zoom.srt"
	assert_output 'line 3 7 8'
}

@test "a name with a time stamp on its own line (Teams, Otter) starts a turn" {
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | cut -f2,3,7,8' _ "$T/teams-docx.txt"
	assert_success
	assert_output $'line\tpar\tword\tspeaker\n2\t1\tGoedemorgen\tJan de Vries\n2\t1\tallemaal\tJan de Vries\n2\t1\t.\tJan de Vries\n5\t2\tMorgen\tPiet Jansen\n5\t2\t.\tPiet Jansen'
}

@test "a line holding a number is text when no cue timing follows" {
	run --separate-stderr sentences <<<$'Er zijn\n12\nwijkteams.'
	assert_success
	assert_output 'Er zijn 12 wijkteams .'
}

# by_line [ARGS]: "line<TAB>first word<TAB>speaker" for every input line with
# tokens (exit status of tt-tokenise kept).
by_line() {
	set -o pipefail
	tt-tokenise "$@" | awk -F'\t' 'NR > 1 && $2 != l { print $2 "\t" $7 "\t" $8; l = $2 }'
}

@test "Den Haag minutes: Naam (Partij). and De voorzitter. start turns; the full stop is no token" {
	run --separate-stderr by_line <<<$'Minke Hofstra (VVD). Voorzitter. De VVD wil graag dat sociaal ondernemers\ngestimuleerd worden.\n\nWethouder Vavier (GroenLinks). Dank voor deze motie.\n\nAndrew van Esch (D66). Een absolute aanmoediging.\n\nDe voorzitter. Door mevrouw Hofstra wordt de motie ingediend:\n\nJudith Klokkenburg (ChristenUnie/SGP). Ja.'
	assert_success
	assert_output $'1\tVoorzitter\tMinke Hofstra (VVD)\n2\tgestimuleerd\tMinke Hofstra (VVD)\n4\tDank\tWethouder Vavier (GroenLinks)\n6\tEen\tAndrew van Esch (D66)\n8\tDoor\tDe voorzitter\n10\tJa\tJudith Klokkenburg (ChristenUnie/SGP)'
}

@test "Handelingen: De voorzitter :, De heer Naam ( Partij ):, Minister Naam : on their own line" {
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise | cut -f2,3,7,8 | awk -F"\t" "\$1 != l { print; l = \$1 }"' <<<$'De voorzitter :\nHet woord is aan de heer Hijink.\n\nDe heer Hijink ( SP ):\nDank u, voorzitter.\nDe Kamer,\n\nMevrouw Ellemeet ( GroenLinks ):\nJa.\n\nMinister De Jonge :\nZo is dat.\n\nStaatssecretaris Blokhuis :\nJa.'
	assert_success
	assert_output $'line\tpar\tword\tspeaker\n2\t1\tHet\tDe voorzitter\n5\t2\tDank\tDe heer Hijink (SP)\n6\t2\tDe\tDe heer Hijink (SP)\n9\t3\tJa\tMevrouw Ellemeet (GroenLinks)\n12\t4\tZo\tMinister De Jonge\n15\t5\tJa\tStaatssecretaris Blokhuis'
}

@test "a designation: initials, particles, a title with a full stop; spaces squeezed; aligned is a field" {
	run --separate-stderr by_line <<<$'De heer J.W. van der Meer (  Partij voor de Dieren ): Dank u.\n\nMw. Özdemir:   Ja.\n\nBurgemeester Van Zanen (VVD). Goed.\n\nJan Smit(PvdA). Nee.'
	assert_success
	assert_output $'1\tDank\tDe heer J.W. van der Meer (Partij voor de Dieren)\n3\tMw.\t_\n5\tGoed\tBurgemeester Van Zanen (VVD)\n7\tNee\tJan Smit (PvdA)'
}

@test "the Den Haag full stop form starts a turn only where a paragraph or sentence starts" {
	run --separate-stderr by_line <<<$'De motie is medeondertekend door de heer Bom, de heer Kaptheijns en mevrouw\nHolman (PvdA). Zij vraagt het college om een brief.\n\nWethouder Vavier. Dank voor deze motie.\n\nDe voorzitter heeft het woord gegeven.\n\nMinke Hofstra (VVD) . Ja.'
	assert_success
	assert_output $'1\tDe\t_\n2\tHolman\t_\n4\tWethouder\t_\n6\tDe\t_\n8\tMinke\t_'
}

@test "labels of motions, numbers and list markers are not speakers in a document" {
	run --separate-stderr by_line <<<$'Motie: Zorg voor mantelzorgers\nIndiener: Caroline Peeck, Haagse VVD\nStuknummer:\nRetouradres: Postbus 12600, 2500 DJ Den Haag\nAmbitie 1: Actief samen leven\nHelmond: Wijk 10 Binnenstad\nTotaal: Totaal: Totaal: Totaal: Totaal: Totaal: Totaal: Totaal: Totaal:\nPag. 8 Vergrijzing: De GGZ heeft nu nog 28 beschermde woonplaatsen.\nBesluit: Het college besluit.\nToelichting: Dit is nodig.\nOnderzoek: Een pool van werkgevers.\nTwee: Dat is het tweede punt.'
	assert_success
	assert_output $'1\tMotie\t_\n2\tIndiener\t_\n3\tStuknummer\t_\n4\tRetouradres\t_\n5\tAmbitie\t_\n6\tHelmond\t_\n7\tTotaal\t_\n8\tPag.\t_\n9\tBesluit\t_\n10\tToelichting\t_\n11\tOnderzoek\t_\n12\tTwee\t_'
}

@test "in a record with turns, Twee:, Motie Q.1 D66 Onderzoek: and Voorzitter: Arib are still no turns" {
	run --separate-stderr by_line <<<$'Minister De Jonge :\nDat is een vraag naar de organisatie.\nTwee: ik denk dat hier een andere termijn nodig was.\n\nMotie Q.1 D66 Onderzoek: Help Ouderen uit de Bijstand\n\nIndiener: Caroline Peeck\n\nVoorzitter: Arib\n\nR1: Ja.'
	assert_success
	assert_output $'2\tDat\tMinister De Jonge\n3\tTwee\tMinister De Jonge\n5\tMotie\t_\n7\tIndiener\t_\n9\tVoorzitter\t_\n11\tJa\tR1'
}

@test "a term with its abbreviation and a reference with its year are no turns" {
	run --separate-stderr by_line <<<$'Spoedeisende Zorg (SEZ): ambulance-functie (24/7 bereikbaarheid)\n\nSociaal Wijkteam (SWT): Wijk 10 Binnenstad\n\nMovisie (2019). Samenwerking formeel en informeel.'
	assert_success
	assert_output $'1\tSpoedeisende\t_\n3\tSociaal\t_\n5\tMovisie\t_'
}

@test "the first Naam: turn of a plain text needs speech after the colon; a later one may be the first" {
	run --separate-stderr by_line <<<$'Anna: Wie wil beginnen?\n\nPiet: Ik wil wel.'
	assert_success
	assert_output $'1\tWie\tAnna\n3\tIk\tPiet'
	run --separate-stderr by_line <<<$'Anna: Wijk 10 Binnenstad\n\nPiet: Ik wil wel.'
	assert_success
	assert_output $'1\tAnna\t_\n3\tIk\tPiet'
}

# ---- the abbreviation list ---------------------------------------------------

@test "--abbreviations reads another list; a bad kind is reported with file and line" {
	printf '# test\nwmo.\tpre\n' > "$BATS_TEST_TMPDIR/a.txt"
	run --separate-stderr sentences -a "$BATS_TEST_TMPDIR/a.txt" <<<'De wmo. Zorg en bijv. Jan.'
	assert_success
	assert_output 'De wmo. Zorg en bijv .'$'\n''Jan .'
	printf 'wmo.\tpre\nbijv.\tsoms\n' > "$BATS_TEST_TMPDIR/b.txt"
	run --separate-stderr tt-tokenise -a "$BATS_TEST_TMPDIR/b.txt" <<<'x'
	assert_failure 2
	assert_output ''
	[ "$stderr" = "tt-tokenise: $BATS_TEST_TMPDIR/b.txt:2: unknown kind 'soms' (pre, word, clitic, label or end)" ]
}

@test "a missing abbreviation list is an error" {
	run --separate-stderr tt-tokenise -a "$BATS_TEST_TMPDIR/nosuch.txt" <<<'x'
	assert_failure 2
	[ "$stderr" = "tt-tokenise: $BATS_TEST_TMPDIR/nosuch.txt: No such file or directory" ]
	TT_LEXDIR="$BATS_TEST_TMPDIR" run --separate-stderr tt-tokenise <<<'x'
	assert_failure 2
	[ "$stderr" = "tt-tokenise: afkortingen.txt: not found (set TT_LEXDIR to the lexicon directory)" ]
}

# ---- options -----------------------------------------------------------------

@test "--help and --version go to stdout, a bad option is exit 2" {
	run --separate-stderr tt-tokenise --help
	assert_success
	assert_line --index 0 --partial 'usage: tt-tokenise'
	run --separate-stderr tt-tokenise --version
	assert_success
	assert_line --index 0 --regexp '^tt-tokenise \(transitietaal\) [0-9]'
	run --separate-stderr tt-tokenise --bogus
	assert_failure 2
	assert_output ''
	[[ "$stderr" == *"usage: tt-tokenise"* ]]
}

# ---- bad input -----------------------------------------------------------------

@test "CRLF and lone CR line ends count as line ends" {
	run --separate-stderr bash -c 'set -o pipefail; printf "Een zin.\r\nTwee\rdrie.\r\n" | tt-tokenise | cut -f2,7 | paste -sd" "'
	assert_success
	assert_output $'line\tword 1\tEen 1\tzin 1\t. 2\tTwee 3\tdrie 3\t.'
}

@test "a BOM is dropped and a missing final newline is fine" {
	run --separate-stderr bash -c 'set -o pipefail; printf "\357\273\277Hallo wereld." | tt-tokenise | cut -f7 | paste -sd" "'
	assert_success
	assert_output 'word Hallo wereld .'
	[ -z "$stderr" ]
}

@test "invalid UTF-8 and NUL become U+FFFD with one warning" {
	run --separate-stderr bash -c 'set -o pipefail; printf "a\377b c\000d\n" | tt-tokenise | cut -f6,7 | paste -sd" "'
	assert_success
	assert_output $'type\tword word\ta sym\t\uFFFD word\tb word\tc sym\t\uFFFD word\td'
	[ "$stderr" = "tt-tokenise: <stdin>:1: NUL or invalid UTF-8 replaced by U+FFFD" ]
}

@test "a 10 MB line is tokenised" {
	head -c 7500000 /dev/zero | tr '\0' 'a' | fold -w 9 | paste -sd' ' > "$BATS_TEST_TMPDIR/long"
	run --separate-stderr bash -c 'set -o pipefail; tt-tokenise "$1" | tail -n +2 | cut -f2,6 | sort | uniq -c' _ "$BATS_TEST_TMPDIR/long"
	assert_success
	assert_output $' 833334 1\tword'
	[ -z "$stderr" ]
}

@test "PDF and gzip files are refused with a clear message" {
	printf '%%PDF-1.5\n%%\342\343\n1 0 obj\n' > "$BATS_TEST_TMPDIR/nota.pdf"
	printf 'Hallo\n' | gzip > "$BATS_TEST_TMPDIR/nota.txt.gz"
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr tt-tokenise nota.pdf nota.txt.gz
	assert_failure 2
	assert_output "$STREAM_HEADER"
	[ "$stderr" = "tt-tokenise: nota.pdf: a PDF file, not text: extract its text first with pdftotext (poppler-utils), or run tt-analyse on it
tt-tokenise: nota.txt.gz: gzip-compressed data, not text: decompress it first (zcat)" ]
}

@test "a nonexistent file among good ones: message, exit 2, the others processed" {
	cd "$T"
	run --separate-stderr bash -c 'tt-tokenise zoom.srt nosuch.txt teams-docx.txt | cut -f1 | uniq'
	assert_success
	assert_output $'#doc\nzoom.srt\nteams-docx.txt'
	[ "$stderr" = "tt-tokenise: nosuch.txt: No such file or directory" ]
	run --separate-stderr tt-tokenise zoom.srt nosuch.txt teams-docx.txt
	assert_failure 2
}

@test "> /dev/full is an error, exit 2" {
	run --separate-stderr bash -c 'tt-tokenise "$1" > /dev/full' _ "$T/nota.txt"
	assert_failure 2
	[ "$stderr" = "tt-tokenise: stdout: No space left on device" ]
}

@test "| head -1 ends it quietly" {
	run --separate-stderr bash -c 'for i in $(seq 100000); do echo "De wijkteams werken samen."; done | tt-tokenise | head -1'
	assert_success
	assert_output "$STREAM_HEADER"
	[ -z "$stderr" ]
}

@test "the same output under LC_ALL=C and nl_NL.UTF-8" {
	locale -a | grep -qi '^nl_NL\.utf-\?8$' || skip "no nl_NL.UTF-8 locale"
	a=$(LC_ALL=C tt-tokenise "$T/nota.txt" "$T/teams.vtt")
	b=$(LC_ALL=nl_NL.UTF-8 tt-tokenise "$T/nota.txt" "$T/teams.vtt")
	[ -n "$a" ]
	[ "$a" = "$b" ]
}
