# Zëri, in Serbian Latin (Cyrillic is transliterated from it): what the citizen app and the server both say, so a citizen
# reads the same words whichever side shows them: the names of statuses, and why an input
# was refused.

error-category-missing = Izaberi kategoriju.
error-unknown-category = Ova kategorija se više ne nudi. Izaberi drugu.
error-description-too-short = Opiši problem sa najmanje { $min } znakova.
error-description-too-long = Opis može imati najviše { $max } znakova.
error-location-missing = Navedi gde: koristi svoju lokaciju ili izaberi opštinu.
error-outside-kosovo = Ova lokacija je van Kosova. Izaberi opštinu.
error-unknown-municipality = Ova opština nije poznata. Izaberi jednu sa liste.
error-too-many-photos = Možeš dodati najviše { $max } fotografije.
error-photo-too-large = Ova fotografija je veća od { $max } MB.
error-photo-unreadable = Ova datoteka nije mogla da se pročita kao fotografija.
error-photo-too-many-pixels = Ova fotografija ima previše piksela: najviše { $side } po stranici i { $megapixels } megapiksela ukupno. Pošalji manju kopiju ili snimi fotografiju u manjoj rezoluciji.
error-contact-missing = Ostavi broj telefona ili imejl adresu, ili pošalji anonimno.
error-name-too-long = Ime može imati najviše { $max } znakova.
error-phone-invalid = Ovaj broj telefona ne izgleda ispravno.
error-email-invalid = Ova imejl adresa ne izgleda ispravno.
error-stars-out-of-range = Izaberi od 1 do 5 zvezdica.
error-comment-too-long = Komentar može imati najviše { $max } znakova.
error-reason-too-short = Navedi razlog sa najmanje { $min } znakova.
error-reason-too-long = Razlog može imati najviše { $max } znakova.
error-message-empty = Prvo napiši nešto.
error-message-too-long = Poruka može imati najviše { $max } znakova.

status-submitted = Poslato
status-received = Primljeno
status-in-progress = U obradi
status-resolved = Rešeno
status-rejected = Odbijeno
status-transferred = Prosleđeno
status-reopened = Ponovo otvoreno
status-waiting-for-citizen = Čeka odgovor
