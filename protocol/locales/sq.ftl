# Zëri, in Albanian: what the citizen app and the server both say, so a citizen
# reads the same words whichever side shows them: the names of statuses, and why an input
# was refused.

error-category-missing = Zgjidh një kategori.
error-unknown-category = Kjo kategori nuk ofrohet më. Zgjidh një tjetër.
error-description-too-short = Përshkruaje problemin me të paktën { $min } shkronja.
error-description-too-long = Përshkrimi mund të ketë më së shumti { $max } shkronja.
error-location-missing = Trego ku: përdor vendndodhjen tënde ose zgjidh një komunë.
error-outside-kosovo = Kjo vendndodhje është jashtë Kosovës. Zgjidh një komunë.
error-unknown-municipality = Kjo komunë nuk njihet. Zgjidh një nga lista.
error-too-many-photos = Mund të shtosh më së shumti { $max } foto.
error-photo-too-large = Kjo foto është më e madhe se { $max } MB.
error-photo-unreadable = Ky skedar nuk u lexua dot si foto.
error-photo-too-many-pixels = Kjo foto ka tepër piksela: më së shumti { $side } në çdo anë dhe { $megapixels } megapiksela gjithsej. Dërgo një kopje më të vogël, ose bëje foton me rezolucion më të ulët.
error-contact-missing = Lër një numër telefoni ose një adresë emaili, ose dërgoje në mënyrë anonime.
error-name-too-long = Emri mund të ketë më së shumti { $max } shkronja.
error-phone-invalid = Ky numër telefoni nuk duket i saktë.
error-email-invalid = Kjo adresë emaili nuk duket e saktë.
error-stars-out-of-range = Zgjidh nga 1 deri në 5 yje.
error-comment-too-long = Komenti mund të ketë më së shumti { $max } shkronja.
error-reason-too-short = Jep një arsye me të paktën { $min } shkronja.
error-reason-too-long = Arsyeja mund të ketë më së shumti { $max } shkronja.
error-message-empty = Shkruaj diçka fillimisht.
error-message-too-long = Një mesazh mund të ketë më së shumti { $max } shkronja.

status-submitted = Dërguar
status-received = Pranuar
status-in-progress = Në shqyrtim
status-resolved = Zgjidhur
status-rejected = Refuzuar
status-transferred = Transferuar
status-reopened = Rihapur
status-waiting-for-citizen = Pret përgjigje
