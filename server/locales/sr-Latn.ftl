# Server Zërija: poruke o greškama i objašnjenja usmeravanja, na srpskom (latinica).

## Objašnjenja usmeravanja
explanation-municipal = { $category } je nadležnost opštine. Tvoja lokacija je u opštini { $municipality }, pa je žalba poslata instituciji { $institution }.
explanation-central = { $category } se rešava na centralnom nivou, u instituciji { $institution }.
explanation-public-enterprise = { $category } pruža javno preduzeće. U opštini { $municipality } to je { $institution }.
explanation-private-operator = { $category } pruža licencirani operater, { $institution }, koji mora da odgovara na žalbe.
explanation-independent = { $category } nadzire nezavisna institucija, { $institution }.
explanation-judiciary = { $category } je pitanje za instituciju { $institution }.
explanation-local-rule = U opštini { $municipality } žalbe za oblast { $category } idu instituciji { $institution }.
explanation-fallback = Tvoja žalba je poslata instituciji { $institution }, koja će je proslediti ako je nadležna druga institucija.

## Greške
error-not-found = Nije pronađeno. Proveri adresu ili kod za praćenje.
error-unauthorized = Prvo se prijavi (ili je tvoja sesija istekla).
error-invalid-credentials = Pogrešno korisničko ime ili lozinka.
error-forbidden = Tvoj nalog nema dozvolu za ovo.
error-rate-limited = Previše zahteva. Pokušaj ponovo za { $seconds } sekundi.
error-method-not-allowed = Ova adresa ne prihvata ovu vrstu zahteva.
error-payload-too-large = Zahtev je prevelik.
error-unsupported-media-type = Pošalji JSON sa zaglavljem Content-Type: application/json (fotografije: image/jpeg ili image/png).
error-internal = Nešto nije u redu na našoj strani. Ništa što si poslao nije izgubljeno; pokušaj ponovo za koji trenutak.
error-bad-request = Zahtev nije razumljiv.
error-device-required = Aplikacija mora da se identifikuje sa "Authorization: Device <tajna>".
error-malformed-json = Telo zahteva nije ispravan JSON.
error-invalid-body = Telo zahteva nema očekivana polja i tipove.
error-unreadable-body = Telo zahteva nije moglo da se pročita.
error-invalid-cursor = Vrednost "since" mora biti kursor koji je vratio neki raniji zahtev.
error-invalid-filter = Jedan od filtera ima vrednost koja nije dozvoljena.
error-unknown-institution = Takva institucija ne postoji.
error-unknown-staff = U ovoj instituciji nema takvog kolege.
error-invalid-id = Id može da sadrži samo mala slova, cifre, "_" i ":".
error-name-required = Nazivi su potrebni na albanskom, srpskom i engleskom (najviše 300 znakova).
error-unknown-reference = Navedena institucija ili opština ne postoji.
error-invalid-deadlines = Rokovi su u radnim danima: potvrda u roku od 1 do 60, odgovor u roku od 1 do 120, i ne pre potvrde.
error-unknown-category = Takva kategorija ne postoji.
error-unknown-municipality = Takva opština ne postoji.
error-unknown-target = Cilj usmeravanja mora biti institution:<id>, municipal:<šablon> ili water_company, i mora postojati.
error-invalid-username = Korisničko ime ima od 3 do 64 slova, cifre, ".", "-" ili "_".
error-password-too-short = Lozinka mora imati najmanje 10 znakova.
error-invalid-period = Početak perioda ne sme biti posle njegovog kraja.
error-id-reused = Ovaj id žalbe je već korišćen za drugu žalbu. Napravi novi id.
error-not-closed = Ova žalba je još otvorena.
error-reopen-window-closed = Ova žalba je zatvorena pre više od 30 dana i više se ne može ponovo otvoriti. Molimo pošalji novu žalbu.
error-invalid-transition = Trenutni status žalbe ne dozvoljava ovaj korak.
error-same-institution = Žalba je već kod ove institucije.
error-id-taken = Ovaj id je već zauzet.
error-username-taken = Ovo korisničko ime je već zauzeto.
