// tt-serve: the page's script. User text only ever enters the page through
// textContent and createTextNode, never as HTML. Offsets in the answer of
// /api/analyse are bytes of the UTF-8 text the server returns ("text"):
// the text is encoded once and every piece decoded from its byte range.
'use strict';

(function () {
	const $ = (id) => document.getElementById(id);
	const tekst = $('tekst'), weergave = $('weergave'), uitleg = $('uitleg');
	const status = $('status'), termlijst = $('termlijst');
	const download = $('download');
	const enc = new TextEncoder(), dec = new TextDecoder();
	const NCOLOURS = 10;
	let catIndex = new Map();
	let timer = null, seq = 0, controller = null, last = null;
	const next = new Map();	// entry -> which occurrence a click goes to

	function number(v, places) {
		if (v === null || v === undefined || !isFinite(v))
			return '–';
		let s = Number(v).toFixed(places).replace('.', ',');
		if (places > 0 && v > 0 && places === 2)
			s = '+' + s;
		return s;
	}

	function colour(category) {
		if (!catIndex.has(category))
			catIndex.set(category, catIndex.size);
		return 'c' + (catIndex.get(category) % NCOLOURS);
	}

	function explain(el) {
		uitleg.textContent = el.title;
	}

	function hitTitle(h) {
		let t = h.entry + ' (' + h.category + ')';
		t += '\nGevonden: ' + h.match;
		t += '\nAlternatief: ' + (h.alternative || 'geen eenvoudiger woord nodig');
		if (h.note)
			t += '\nToelichting: ' + h.note;
		return t;
	}

	function markerTitle(m) {
		const pole = m.pole === 'F' ? 'formeel' : 'informeel';
		let t = pole + ' (' + m.dimension + '): ' + m.match + ' — ' + m.entry;
		if (m.alternative)
			t += '\nAlternatief: ' + m.alternative;
		if (m.note)
			t += '\nToelichting: ' + m.note;
		return t;
	}

	// Appends text[a, b) to parent, the markers in it as <mark data-pole>
	// (clipped at a and b, so that a hit is always one element).
	function appendWithMarkers(parent, piece, markers, state, a, b) {
		while (state.i < markers.length && markers[state.i].end <= a)
			state.i++;
		for (let k = state.i; k < markers.length && markers[k].start < b; k++) {
			const m = markers[k];
			const s = Math.max(m.start, a), e = Math.min(m.end, b);
			if (s > a)
				parent.appendChild(document.createTextNode(piece(a, s)));
			const el = document.createElement('mark');
			el.className = 'pole pole-' + m.pole;
			el.dataset.pole = m.pole;
			el.dataset.dimension = m.dimension;
			el.dataset.marker = m.entry;
			el.title = markerTitle(m);
			el.textContent = piece(s, e);
			el.addEventListener('mouseenter', () => explain(el));
			parent.appendChild(el);
			a = e;
		}
		if (b > a)
			parent.appendChild(document.createTextNode(piece(a, b)));
	}

	function renderText(r) {
		const bytes = enc.encode(r.text);
		const piece = (a, b) => dec.decode(bytes.subarray(a, b));
		const frag = document.createDocumentFragment();
		const state = { i: 0 };
		let pos = 0;
		for (const h of r.hits) {
			appendWithMarkers(frag, piece, r.markers, state, pos, h.start);
			const el = document.createElement('mark');
			el.className = colour(h.category);
			el.dataset.entry = h.entry;
			el.dataset.category = h.category;
			el.dataset.alternative = h.alternative;
			el.title = hitTitle(h);
			el.tabIndex = 0;
			el.setAttribute('aria-describedby', 'uitleg');
			el.addEventListener('focus', () => explain(el));
			el.addEventListener('mouseenter', () => explain(el));
			appendWithMarkers(el, piece, r.markers, state, h.start, h.end);
			frag.appendChild(el);
			pos = h.end;
		}
		appendWithMarkers(frag, piece, r.markers, state, pos, bytes.length);
		weergave.replaceChildren(frag);
	}

	function renderNumbers(r) {
		$('per1000').textContent = number(r.totals.per1000, 1);
		$('woorden').textContent = String(r.totals.words);
		$('treffers').textContent = String(r.totals.hits);
		const box = document.createDocumentFragment();
		for (const d of r.dimensions) {
			const div = document.createElement('div');
			div.className = 'balans';
			div.dataset.dimension = d.name;
			const label = document.createElement('span');
			label.className = 'label';
			label.textContent = 'Balans ' + d.name + ' ';
			const val = document.createElement('span');
			val.className = 'waarde';
			val.textContent = number(d.balance, 2);
			const counts = document.createElement('span');
			counts.className = 'label';
			counts.textContent = ' (formeel ' + d.F + ', informeel ' + d.I + ')';
			div.append(label, val, counts);
			div.title = '(F − I) / (F + I), gewogen: +1 helemaal formeel, −1 helemaal informeel';
			box.appendChild(div);
		}
		$('balansen').replaceChildren(box);
	}

	function renderTerms(r) {
		const terms = new Map();
		for (const h of r.hits) {
			const t = terms.get(h.entry);
			if (t)
				t.n++;
			else
				terms.set(h.entry, { h: h, n: 1 });
		}
		const list = [...terms.values()].sort((x, y) => y.n - x.n ||
		    x.h.start - y.h.start);
		const frag = document.createDocumentFragment();
		next.clear();
		for (const t of list) {
			const li = document.createElement('li');
			const b = document.createElement('button');
			b.type = 'button';
			b.textContent = t.h.match;
			b.title = t.h.entry + (t.h.alternative ? ' → ' + t.h.alternative : '');
			b.addEventListener('click', () => jump(t.h.entry));
			const n = document.createElement('span');
			n.className = 'aantal';
			n.textContent = ' ×' + t.n + (t.h.alternative ? ' → ' + t.h.alternative : '');
			li.append(b, n);
			frag.appendChild(li);
		}
		termlijst.replaceChildren(frag);
	}

	// First click: the first occurrence; each next click the next one.
	function jump(entry) {
		const marks = [...weergave.querySelectorAll('mark[data-entry]')]
		    .filter((m) => m.dataset.entry === entry);
		if (marks.length === 0)
			return;
		const k = (next.get(entry) || 0) % marks.length;
		next.set(entry, k + 1);
		marks[k].scrollIntoView({ block: 'center' });
		marks[k].focus();
	}

	function tsvField(s) {
		return String(s).replace(/[\t\r\n]+/g, ' ');
	}

	function downloadTsv() {
		if (!last)
			return;
		let out = 'entry\tcategory\tmatch\talternative\tnote\tstart\tend\n';
		for (const h of last.hits)
			out += [h.entry, h.category, h.match, h.alternative, h.note,
			    h.start, h.end].map(tsvField).join('\t') + '\n';
		const url = URL.createObjectURL(new Blob([out],
		    { type: 'text/tab-separated-values;charset=utf-8' }));
		const a = document.createElement('a');
		a.href = url;
		a.download = 'treffers.tsv';
		document.body.appendChild(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}

	async function analyse() {
		const my = ++seq;
		if (controller)
			controller.abort();
		controller = new AbortController();
		try {
			const resp = await fetch('/api/analyse', {
				method: 'POST',
				headers: { 'Content-Type': 'text/plain; charset=utf-8' },
				body: tekst.value,
				signal: controller.signal
			});
			if (resp.status === 413) {
				status.textContent = 'De tekst is te lang (meer dan 4 MB).';
				return;
			}
			if (!resp.ok) {
				status.textContent = 'De server antwoordt met fout ' + resp.status + '.';
				return;
			}
			const r = await resp.json();
			if (my !== seq)
				return;
			last = r;
			status.textContent = '';
			renderText(r);
			renderNumbers(r);
			renderTerms(r);
			download.disabled = r.hits.length === 0;
			document.body.dataset.analysed = String(my);
		} catch (e) {
			if (e.name !== 'AbortError')
				status.textContent = 'Geen verbinding met de server (draait tt-serve nog?).';
		}
	}

	function schedule(delay) {
		clearTimeout(timer);
		timer = setTimeout(analyse, delay);
	}

	function legend(lex) {
		const frag = document.createDocumentFragment();
		for (const c of lex.categories) {
			if (c === '-')
				continue;
			const m = document.createElement('mark');
			m.className = colour(c);
			m.textContent = c;
			frag.appendChild(m);
		}
		for (const [pole, name] of [['F', 'formeel'], ['I', 'informeel']]) {
			const m = document.createElement('mark');
			m.className = 'pole pole-' + pole;
			m.textContent = name;
			frag.appendChild(m);
		}
		$('legenda').replaceChildren(frag);
	}

	tekst.addEventListener('input', () => schedule(300));
	download.addEventListener('click', downloadTsv);
	// .txt, .vtt and .srt are read here, in the browser; .pdf and .docx
	// go to POST /api/convert, only when GET /api/convert says the server
	// has the converter for them.
	const bestand = $('bestand');
	let convertible = {};
	const CONVERTER = { pdf: 'pdftotext (pakket poppler-utils)',
	    docx: 'pandoc (pakket pandoc)' };

	function showTypes() {
		const types = ['.txt', '.vtt', '.srt'];
		for (const t of ['pdf', 'docx'])
			if (convertible[t])
				types.push('.' + t);
		bestand.accept = types.join(',');
		$('soorten').textContent = 'Soorten bestanden: ' + types.join(', ') + '.';
	}

	function convertError(code, name, ext) {
		switch (code) {
		case 413: return name + ' is te groot (de grens is 16 MB, en 4 MB tekst).';
		case 415: return name + ': dit soort bestand kan de pagina niet openen.';
		case 422: return name + ' kan niet gelezen worden als .' + ext + '-bestand.';
		case 501: return 'Een .' + ext + ' openen kan hier niet: op de computer met de server ontbreekt ' + CONVERTER[ext] + '. Kopieer de tekst en plak hem in het vak.';
		case 503: return 'De server is bezig met andere bestanden. Probeer het zo opnieuw.';
		case 504: return 'Het openen van ' + name + ' duurde te lang.';
		default: return 'De server antwoordt met fout ' + code + ' op ' + name + '.';
		}
	}

	async function openConverted(f, ext) {
		if (!convertible[ext]) {
			status.textContent = convertError(501, f.name, ext);
			return;
		}
		status.textContent = f.name + ' wordt geopend…';
		try {
			const resp = await fetch('/api/convert?type=' + ext,
			    { method: 'POST', body: f });
			if (!resp.ok) {
				status.textContent = convertError(resp.status, f.name, ext);
				return;
			}
			tekst.value = await resp.text();
			status.textContent = '';
			schedule(0);
		} catch (e) {
			status.textContent = 'Geen verbinding met de server (draait tt-serve nog?).';
		}
	}

	bestand.addEventListener('change', (ev) => {
		const f = ev.target.files[0];
		if (!f)
			return;
		$('bestandsnaam').textContent = f.name;
		const m = /\.([A-Za-z]+)$/.exec(f.name);
		const ext = m ? m[1].toLowerCase() : '';
		if (ext === 'pdf' || ext === 'docx') {
			openConverted(f, ext);
			return;
		}
		const rd = new FileReader();
		rd.onload = () => { tekst.value = rd.result; schedule(0); };
		rd.onerror = () => { status.textContent = 'Kan ' + f.name + ' niet lezen.'; };
		rd.readAsText(f, 'utf-8');
	});

	fetch('/api/convert').then((r) => r.json()).then((c) => {
		convertible = c;
	}).catch(() => {}).finally(showTypes);

	fetch('/api/lexicon').then((r) => r.json()).then(legend)
	    .catch(() => {}).finally(() => {
		if (tekst.value !== '')
			schedule(0);
	});
})();
