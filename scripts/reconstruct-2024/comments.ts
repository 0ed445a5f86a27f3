/**
 * Free-text comments written for the reconstruction, on the themes the 2024
 * article summarises. `who` says which respondents may have written each one.
 */
export interface Comment {
  who: 'manipulateur' | 'cadre' | 'radiologue' | 'autre';
  /** Only IA users would write it. */
  user: boolean;
  text: string;
}

export const COMMENTS: readonly Comment[] = [
  {
    who: 'manipulateur',
    user: true,
    text: "Les reconstructions sont plus nettes depuis qu'on a l'algorithme de débruitage, surtout en basse dose.",
  },
  {
    who: 'manipulateur',
    user: true,
    text: 'La segmentation automatique des volumes nous fait gagner un temps fou en post-traitement.',
  },
  {
    who: 'manipulateur',
    user: true,
    text: "Gain de temps réel sur les tâches répétitives, mais il faut toujours vérifier ce que propose l'outil.",
  },
  {
    who: 'manipulateur',
    user: true,
    text: "L'outil tourne sur un poste à part : on ressaisit, on exporte, et au final on ne gagne presque rien.",
  },
  {
    who: 'manipulateur',
    user: true,
    text: "Examens plus précis en IRM grâce aux séquences accélérées, les patients apprécient d'attendre moins longtemps.",
  },
  {
    who: 'manipulateur',
    user: true,
    text: "Pas d'intégration au PACS, donc on jongle entre deux écrans. Le potentiel est là mais pas l'ergonomie.",
  },
  {
    who: 'manipulateur',
    user: true,
    text: 'Le positionnement assisté au scanner réduit les reprises, un vrai plus pour les jeunes collègues.',
  },
  {
    who: 'manipulateur',
    user: true,
    text: "J'aimerais une formation digne de ce nom, on a appris sur le tas avec le support du fournisseur.",
  },
  {
    who: 'manipulateur',
    user: true,
    text: "Utile pour prioriser les urgences, moins convaincant pour le reste de l'activité.",
  },
  {
    who: 'manipulateur',
    user: false,
    text: "Notre service n'a encore aucun outil, la direction attend de voir ce que font les autres.",
  },
  {
    who: 'manipulateur',
    user: false,
    text: 'Curieux mais inquiet : qui est responsable si le logiciel se trompe ?',
  },
  {
    who: 'manipulateur',
    user: false,
    text: "Il faudrait commencer par une formation initiale, à l'école, avant de parler de déploiement.",
  },
  {
    who: 'manipulateur',
    user: false,
    text: 'Les licences coûtent trop cher pour un petit cabinet comme le nôtre.',
  },
  {
    who: 'cadre',
    user: true,
    text: "Aide précieuse pour coordonner les flux de patients et anticiper les pics d'activité.",
  },
  {
    who: 'cadre',
    user: true,
    text: "Les protocoles sont plus homogènes d'un site à l'autre, les résultats aussi.",
  },
  {
    who: 'cadre',
    user: true,
    text: "Les outils actuels visent les radiologues ; pour l'encadrement, il n'existe presque rien d'adapté.",
  },
  {
    who: 'cadre',
    user: true,
    text: "Le tableau de bord de l'activité est intéressant mais il manque d'indicateurs utiles au management.",
  },
  {
    who: 'cadre',
    user: false,
    text: "Je n'ai pas trouvé d'outil pensé pour la gestion d'équipe ou la planification.",
  },
  {
    who: 'cadre',
    user: false,
    text: "Budget contraint cette année : l'IA passe après le renouvellement du parc.",
  },
  {
    who: 'cadre',
    user: false,
    text: "Il faudra accompagner les équipes, beaucoup craignent pour l'avenir de leur métier.",
  },
  {
    who: 'radiologue',
    user: true,
    text: 'La détection des nodules pulmonaires est fiable, je relis plus vite les scanners thoraciques.',
  },
  {
    who: 'radiologue',
    user: true,
    text: 'Excellent pour les fractures aux urgences la nuit, un filet de sécurité appréciable.',
  },
  {
    who: 'radiologue',
    user: true,
    text: "Trop d'alertes faussement positives sur certains outils, on finit par les ignorer.",
  },
  {
    who: 'radiologue',
    user: true,
    text: 'La dictée assistée structure mieux nos comptes rendus, les correspondants le remarquent.',
  },
  {
    who: 'radiologue',
    user: true,
    text: 'Chaque outil a sa propre interface : sans intégration au RIS, le gain de temps disparaît.',
  },
  {
    who: 'radiologue',
    user: true,
    text: 'Le modèle économique reste flou : qui paie, et sur quelle cotation ?',
  },
  {
    who: 'radiologue',
    user: true,
    text: 'Indispensable en mammographie pour la double lecture, à condition de garder la main.',
  },
  {
    who: 'radiologue',
    user: true,
    text: "Le débruitage en IRM permet de raccourcir les examens d'un tiers sans perte de qualité.",
  },
  {
    who: 'radiologue',
    user: false,
    text: "Pas convaincu par les démonstrations : beaucoup de promesses, peu d'études indépendantes.",
  },
  {
    who: 'radiologue',
    user: false,
    text: "Coût d'abonnement prohibitif pour un cabinet libéral de taille moyenne.",
  },
  {
    who: 'radiologue',
    user: false,
    text: 'Question de la responsabilité médico-légale non réglée, je préfère attendre.',
  },
  {
    who: 'autre',
    user: true,
    text: "Côté physique médicale, l'IA aide surtout à optimiser les protocoles de dose.",
  },
  {
    who: 'autre',
    user: false,
    text: "Les données de santé doivent rester hébergées en France, c'est un prérequis.",
  },
  {
    who: 'autre',
    user: true,
    text: "L'interopérabilité entre les solutions reste le vrai chantier des prochaines années.",
  },
];
