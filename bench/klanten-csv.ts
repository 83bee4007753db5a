/** Generated client data for the benchmarks (import and load): deterministic, fictional, valid BSNs. */

/** A valid BSN from a counter (elfproef by choosing the last digit; counters whose check digit is 10 are skipped). */
function* bsns(): Generator<string> {
  for (let n = 10_000_000; ; n++) {
    const d = String(n).padStart(8, '0');
    let som = 0;
    for (let i = 0; i < 8; i++) som += (9 - i) * Number(d[i]);
    const laatste = som % 11;
    if (laatste < 10) yield `${d}${laatste}`;
  }
}

/** A client CSV in the import format (docs/import-klanten.md) with `rijen` generated clients; every tenth has no BSN. */
export function klantenCsv(rijen: number): Uint8Array {
  const voornamen = [
    'Fatima',
    'Jan',
    'Anouk',
    'Mohamed',
    'Sanne',
    'Dmytro',
    'Ayşe',
    'Pieter',
    'Noor',
    'Kees',
  ];
  const achternamen = ['Jansen', 'El Amrani', 'de Vries', 'Yılmaz', 'Bakker', 'Kovalenko', 'Visser', 'Smit'];
  const niveaus = ['vmbo', 'mbo-2', 'havo', 'hbo', 'geen', 'mbo-4'];
  const kop =
    'klantnummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;woonplaats;telefoon;' +
    'taalniveau nederlands;opleidingsniveau;beschikbaarheid;mobiliteit;werk uren per week;belastbaarheid uren per week';
  const regels = [kop];
  const bsn = bsns();
  for (let i = 0; i < rijen; i++) {
    const jaar = 1960 + (i % 45);
    const maand = String(1 + (i % 12)).padStart(2, '0');
    const dag = String(1 + (i % 28)).padStart(2, '0');
    regels.push(
      [
        `B-${String(i).padStart(6, '0')}`,
        i % 10 === 0 ? '' : bsn.next().value,
        voornamen[i % voornamen.length],
        achternamen[i % achternamen.length],
        `${dag}-${maand}-${jaar}`,
        'Dorpsstraat',
        String(1 + (i % 200)),
        `${1000 + (i % 8999)} AB`,
        'Benchdam',
        '06 12345678',
        ['A1', 'A2', 'B1', 'B2'][i % 4],
        niveaus[i % niveaus.length],
        'ma-ochtend|di-middag',
        'fiets|ov',
        i % 7 === 0 ? '16' : '',
        i % 9 === 0 ? '20' : '',
      ].join(';'),
    );
  }
  return new TextEncoder().encode(`${regels.join('\r\n')}\r\n`);
}
