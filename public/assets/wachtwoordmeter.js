// Wachtwoordmeter: shows, while typing, how hard a new password is to guess (invitation and reset pages).
// Progressive enhancement: without JavaScript the server gives the same advice when the form is sent. The
// strength is computed by the server (the same zxcvbn check), so no dictionaries are sent to the browser.
(() => {
  const veld = document.querySelector('input[name="wachtwoord"][autocomplete="new-password"]');
  const form = veld?.form;
  if (!veld || !form) return;
  const csrf = form.querySelector('input[name="_csrf"]')?.value ?? '';
  const email = form.querySelector('input[name="gebruikersnaam"]')?.value ?? '';
  const namen = ['Heel zwak', 'Zwak', 'Matig', 'Goed', 'Sterk'];

  const uitvoer = document.createElement('div');
  uitvoer.className = 'wk-sterkte';
  const meter = document.createElement('meter');
  meter.min = 0;
  meter.max = 4;
  meter.low = 2;
  meter.high = 3;
  meter.optimum = 4;
  meter.value = 0;
  meter.id = `${veld.id}-meter`;
  const label = document.createElement('label');
  label.className = 'utrecht-form-label';
  label.htmlFor = meter.id;
  label.textContent = 'Sterkte van het wachtwoord';
  const tekst = document.createElement('p');
  tekst.className = 'utrecht-paragraph';
  tekst.setAttribute('aria-live', 'polite');
  uitvoer.append(label, meter, tekst);
  (veld.closest('.utrecht-form-field') ?? veld.parentElement)?.append(uitvoer);

  let timer;
  let volgnummer = 0;
  async function beoordeel() {
    const wachtwoord = veld.value;
    const dit = ++volgnummer;
    if (!wachtwoord) {
      meter.value = 0;
      tekst.textContent = '';
      return;
    }
    try {
      const res = await fetch('/wachtwoord-sterkte', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
        body: new URLSearchParams({ wachtwoord, email }),
      });
      if (!res.ok || dit !== volgnummer) return;
      const { score, melding } = await res.json();
      meter.value = score;
      tekst.textContent = `${namen[score] ?? ''}. ${melding}`;
    } catch {
      // No meter when the server cannot be reached; the form still checks the password when it is sent.
    }
  }
  veld.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(beoordeel, 350);
  });
})();
