/** The grid's key scheme, written out where people can find it. */
export function KeyboardHelp() {
  return (
    <details className="panel keyboard-help">
      <summary>Raccourcis clavier</summary>
      <dl>
        <dt>Tab</dt>
        <dd>passe d'une session à la suivante, dans l'ordre des horaires</dd>
        <dt>Entrée</dt>
        <dd>ouvre la fiche de la session</dd>
        <dt>Alt + ↑ / ↓</dt>
        <dd>avance ou recule la session de 5 minutes</dd>
        <dt>Alt + ← / →</dt>
        <dd>change de salle (sauf « tout le lieu »)</dd>
        <dt>Alt + Maj + ↑ / ↓</dt>
        <dd>raccourcit ou allonge la session de 5 minutes</dd>
        <dt>Créneau « Créer une session » (premier arrêt de Tab dans la grille)</dt>
        <dd>flèches pour choisir la salle et l'heure, Entrée pour y créer une session</dd>
        <dt>Espace</dt>
        <dd>
          saisit la session ; flèches pour la déplacer, Espace pour la déposer, Échap pour annuler
        </dd>
      </dl>
      <p className="muted">
        À la souris : glisser une session la déplace, tirer son bord bas change sa fin,
        double-cliquer dans une case vide crée une session.
      </p>
    </details>
  );
}
