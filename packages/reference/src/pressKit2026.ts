import type {
  ComputedFigure,
  FigureDefinition,
  PressKitEditorial,
  SectionId,
  SectionStatus,
} from "@tribune/domain/press-kit";

/**
 * The editorial texts of the 2026 press kit (shared/seeds/001_…), carried over as printed:
 * paragraphs, bold runs (`**…**`) and lists. Where the kit prints a survey result, the text
 * holds a `{{figure}}` reference instead: figures are computed from the surveys, never typed.
 *
 * Corrections of the extracted text, all obvious: item titles follow the kit's contents page
 * ("LE SYNDICAT REPRÉSENTATIF" for the body's "RÉPRESENTATIF", "OÙ" with its accent, "ÊTRE À
 * L'ÉCOUTE DES INTERNES AU QUOTIDIEN" without the doubled "DES"), a stray "E " before "En
 * association" and a line break inside a sentence are dropped. "PRÉCIS À L'USAGE DES FUTUR·ES
 * INTERNES" is listed by the contents page but has no text in the kit: it has none here either.
 */

const TEMPS_DE_TRAVAIL = {
  survey: "Enquête sur le temps de travail des internes",
  partners: ["ISNI", "FNSIP-BM", "ISNAR-IMG"],
  year: 2024,
  respondents: null,
};
const SANTE_MENTALE = {
  survey: "Enquête sur la santé mentale des étudiant·es en médecine",
  partners: ["ISNI", "ANEMF", "ISNAR-IMG"],
  year: 2024,
  respondents: null,
};
const DIXIEME_ANNEE = {
  survey: "Enquête sur la 10e année de Médecine Générale",
  partners: ["ISNAR-IMG"],
  year: null,
  respondents: null,
};

/** Every figure the kit prints from a survey: its definition only. */
export const FIGURES_2026: FigureDefinition[] = [
  {
    id: "tt-moyenne",
    label: "heures de travail par semaine en moyenne pour un·e interne (2023)",
    unit: "number",
    decimals: 0,
    statistic: "Moyenne des heures travaillées par semaine déclarées, arrondie à l'heure.",
    source: TEMPS_DE_TRAVAIL,
  },
  {
    id: "tt-plus-80h",
    label: "des internes travaillent plus de 80 heures par semaine",
    unit: "percent",
    decimals: 0,
    statistic: "Part des répondant·es déclarant plus de 80 heures par semaine.",
    source: TEMPS_DE_TRAVAIL,
  },
  {
    id: "tt-extra-medical",
    label: "du temps de travail consacré à des activités extra-médicales",
    unit: "percent",
    decimals: 0,
    statistic: "Part moyenne du temps de travail déclarée hors activité médicale.",
    source: TEMPS_DE_TRAVAIL,
  },
  {
    id: "tt-repos-demi-garde",
    label: "des internes bénéficient de leur repos de sécurité après une demi-garde de nuit",
    unit: "percent",
    decimals: 0,
    statistic:
      "Part des répondant·es ayant eu leur repos de sécurité après une demi-garde de nuit.",
    source: TEMPS_DE_TRAVAIL,
  },
  {
    id: "tt-repos-astreinte",
    label:
      "des internes bénéficient de leur repos après le dernier déplacement d'une astreinte de nuit",
    unit: "percent",
    decimals: 0,
    statistic:
      "Part des répondant·es ayant eu leur repos après le dernier déplacement d'une astreinte.",
    source: TEMPS_DE_TRAVAIL,
  },
  {
    id: "tt-tableaux-service",
    label: "des internes ont un tableau de service nominatif prévisionnel",
    unit: "percent",
    decimals: 0,
    statistic: "Part des répondant·es disposant d'un tableau de service nominatif prévisionnel.",
    source: TEMPS_DE_TRAVAIL,
  },
  {
    id: "sm-anxiete",
    label: "des étudiant·es présentent des symptômes anxieux",
    unit: "percent",
    decimals: 0,
    statistic: "Part des répondant·es présentant des symptômes anxieux à l'échelle de l'enquête.",
    source: SANTE_MENTALE,
  },
  {
    id: "sm-burn-out",
    label: "des externes et internes ont présenté un burn-out",
    unit: "percent",
    decimals: 0,
    statistic: "Part des répondant·es (externes et internes) ayant présenté un burn-out.",
    source: SANTE_MENTALE,
  },
  {
    id: "sm-idees-suicidaires",
    label: "ont eu des idées suicidaires dans l'année",
    unit: "percent",
    decimals: 0,
    statistic:
      "Part des répondant·es déclarant des idées suicidaires dans les douze derniers mois.",
    source: SANTE_MENTALE,
  },
  {
    id: "sm-jamais-arret",
    label: "internes sur 10 n'ont jamais pensé à arrêter leurs études",
    unit: "number",
    decimals: 0,
    statistic: "Part des internes n'ayant jamais pensé à arrêter leurs études, exprimée sur 10.",
    source: SANTE_MENTALE,
  },
  {
    id: "dix-retrocession",
    label: "des internes préfèrent une rémunération avec une part de rétrocession à l'acte",
    unit: "percent",
    decimals: 1,
    statistic: "Part des répondant·es préférant ce modèle de rémunération pour la 10e année.",
    source: DIXIEME_ANNEE,
  },
  {
    id: "dix-ambulatoire",
    label: "des internes veulent s'installer en ambulatoire",
    unit: "percent",
    decimals: 0,
    statistic: "Part des répondant·es souhaitant s'installer en exercice ambulatoire.",
    source: DIXIEME_ANNEE,
  },
];

/** None yet: the surveys are not imported, so every figure prints as a marked placeholder. */
export const COMPUTED_FIGURES_2026: ComputedFigure[] = [];

const CONGRES_2026 = "Le congrès 2026";
const ISNAR = "L'ISNAR-IMG";

/** The 2026 press kit's texts; `statuses` marks sections as drafts (all validated by default). */
export function pressKitEditorial2026({
  statuses = {},
}: {
  statuses?: Partial<Record<SectionId, SectionStatus>>;
} = {}): PressKitEditorial {
  return {
    organisation: "ISNAR-IMG",
    congressName: "Congrès des Internes de Médecine Générale",
    documentTitle: "DOSSIER DE PRESSE",
    statuses,
    contentsTitle: "Sommaire",
    opening: {
      title: "Texte d'ouverture",
      kicker: CONGRES_2026,
      blocks: [
        "C'est avec une immense fierté que l'ISNAR-IMG organise, les 22 et 23 janvier 2026 au Palais des Congrès de Dijon, **la 26e édition du Congrès national des internes de Médecine Générale**.",
        "Chaque année, cet événement majeur rassemble près de mille internes venus de toute la France pour deux journées d'échanges, de réflexion et de formation consacrées à l'avenir de notre profession.",
        "Pour cette nouvelle édition, nous avons choisi de placer au cœur des réflexions un thème essentiel : **« Demain se soigne aujourd'hui, choix du présent, enjeux du futur »**. Les décisions que nous prenons aujourd'hui — dans nos consultations, dans notre manière de nous organiser, dans notre rapport aux technologies, à l'écologie ou à la prévention — façonnent la santé de demain. Ce congrès propose d'explorer des pistes qui permettront à la Médecine Générale de relever les défis futurs.",
        "Dans un contexte où la société évolue rapidement, où les déterminants de la santé se transforment et où les innovations accélèrent, les médecins généralistes occupent plus que jamais une place centrale.",
        "Le congrès offrira l'occasion d'aborder les grandes transitions qui impactent notre pratique : **santé environnementale, changement climatique, transformation numérique, intelligence artificielle, accès aux soins, prévention, justice sanitaire, nouveaux modèles d'exercice et attractivité de la spécialité**. Durant ces deux journées se succéderont conférences, tables rondes, ateliers interactifs et échanges entre internes, enseignants, professionnels de santé et acteurs de l'innovation.",
        "Le programme, construit pour et par les internes, propose de questionner nos pratiques, d'explorer de nouvelles façons d'exercer et d'ouvrir la voie à des modèles plus innovants, plus responsables et plus adaptés aux réalités de nos territoires.",
        "Ce congrès est bien plus qu'un rendez-vous scientifique, c'est un moment fort de cohésion pour la communauté des internes de Médecine Générale. Il permet chaque année de partager des visions, de confronter des idées et de renforcer les liens qui nous unissent autour d'une pratique médicale humaniste, solidaire, durable et tournée vers l'avenir. En nous réunissant à Dijon, nous faisons le choix de réfléchir collectivement aux défis qui nous attendent et de construire, dès aujourd'hui, les fondations de la Médecine Générale de demain.",
        "Nous donnons rendez-vous aux internes de toute la France les 22 et 23 janvier prochains pour deux journées d'inspiration, d'engagement et de projection vers le futur de notre profession.",
        "Ensemble, transformons le présent pour mieux soigner demain.",
      ],
      signature: { name: "Johanna TROVATELLO", role: "Chargée de mission Congrès" },
    },
    highlights: {
      title: "Les temps forts du programme",
      kicker: CONGRES_2026,
      flashTopics: ["4A", "Accès aux Soins", "Santé Mentale et Lutte contre les Discriminations"],
    },
    planning: { title: "Le planning", kicker: CONGRES_2026 },
    president: {
      title: "Mot de la Présidente",
      kicker: ISNAR,
      blocks: [
        "L'avenir ne se subit pas, il se construit. Et si nous ne le faisons pas, d'autres le feront à notre place.",
        "C'est porté par cette conviction profonde que, cette année, nous ouvrons un espace de réflexion collective sur notre exercice futur. Les discours anxiogènes se multiplient : une intelligence artificielle présentée comme toute-puissante et déshumanisante, des patient·es toujours plus éloigné·es du soin ou encore un statut de médecin traitant fragilisé.",
        "Mais la réalité est plus nuancée et surtout elle reste encore à écrire! Plutôt que de subir des narratifs imposés, nous choisissons de reprendre la plume et d'écrire ensemble notre avenir commun basé sur nos valeurs et notre vision du soin.",
        "Quelles sont nos priorités ?",
        "Quelle est, pour nous, l'essence du métier que nous avons choisi d'exercer ?",
        "Comment l'exercer au mieux, avec exigence, humanité et équité, pour l'ensemble des patient·es ?",
        "Ce sont des questions fondamentales, qui appellent à des réponses partagées.",
        "Nous vous proposons de les explorer dès maintenant.",
        "Au travers des diverses tables rondes, ateliers, et boîtes à outil, les débats seront le cœur du Congrès et nos intervenant·es auront à cœur de faire dialoguer les grands enjeux théoriques avec la réalité concrète de notre pratique médicale.",
        "Soyons lucides face aux défis mais surtout confiant·es dans notre capacité à y répondre. Avec créativité, ambition et force collective.",
      ],
      signature: { name: "ATIKA BOKHARI", role: "PRÉSIDENTE DE L'ISNAR-IMG" },
    },
    bureau: {
      title: "Mot du Bureau National",
      kicker: ISNAR,
      blocks: [
        "Nous sommes ravis de vous accueillir pour la 26e édition du Congrès National des internes de Médecine Générale de l'ISNAR-IMG.",
        "Suite au franc succès du Congrès de Lille l'an dernier, l'ISNAR-IMG propose cette année aux internes de Médecine Générale de France de se poser la question du devenir de notre profession.",
        "En effet, notre profession fait face à de nombreuses évolutions structurelles. Que ce soit à travers l'émergence de nouvelles technologies comme l'intelligence artificielle, l'évolution des pratiques avec l'augmentation de la part de prévention dans les consultations, le changement des patientèles qui sont de plus en plus composées de personnes atteintes de maladies chroniques ou de personnes âgées. Nous devons constamment repenser notre façon de pratiquer la médecine tout en subissant les politiques publiques qui sont de plus en plus en notre défaveur.",
        "De nombreuses dégradations systémiques sont à venir : difficultés d'accès aux soins, changement climatique, ou encore des pandémies. Il est difficile d'envisager l'impact à venir de ces menaces, mais il est essentiel de les anticiper du mieux possible.",
        "Cette nouvelle édition réalisée, comme chaque année, par les internes de Médecine Générale pour les internes de Médecine Générale réunira des médecins, chercheur·euses, et expert·es pour partager leurs connaissances et réfléchir ensemble à des solutions durables.",
        "L'ISNAR-IMG est aussi et surtout une structure vouée à **représenter, défendre et informer les internes de Médecine Générale**. Ses missions comprennent l'organisation d'événements annuels tels que le Congrès et fournit un travail de fond ayant pour objectif cardinal d'améliorer le quotidien de nous tous et toutes, internes en Médecine Générale. C'est ainsi que se tiendront durant le Congrès, des \"Flash Actu\" qui ont pour vocation de rapporter des faits d'actualités. Où en sommes-nous de la quatrième année du Diplôme d'Étude Spécialisée de Médecine Générale ? Allons-nous vers une régulation voire une obligation d'installation pour répondre aux enjeux d'accès aux soins ? Que dire de la santé mentale des internes et quelles propositions portons nous en vue d'y remédier ?",
        "Mettons ensemble le pied dans une réflexion profonde sur le système de santé, nos pratiques et le futur de notre profession. Nous sommes conscient-es que le chemin est long, que notre carrière débute à peine mais nous sommes persuadé-es qu'il faut se questionner tôt sur nos pratiques personnelles et nos décisions collectives.",
        "Nous espérons qu'à l'issue du Congrès, vous vous sentirez davantage équipés pour relever ces défis !",
      ],
      signature: null,
    },
    pillars: [
      {
        id: "representer",
        title: "REPRÉSENTER",
        tagline: null,
        items: [
          {
            id: "syndicat-representatif",
            title: "LE SYNDICAT REPRÉSENTATIF",
            blocks: [
              "L'ISNAR-IMG est une Intersyndicale Représentative : c'est ce qui nous permet d'être **vos porte-paroles auprès des différentes instances** !",
              "Nous regroupons au total vingt-trois subdivisions, c'est à dire vingt-trois syndicats et associations locales qui correspondent aux différentes villes où nous réalisons notre internat.",
              "Nous portons la voix de chacun-e des internes adhérent-es via leur syndicat et association locale.",
            ],
          },
          {
            id: "modele-ascendant",
            title: "MODÈLE ASCENDANT",
            blocks: [
              "L'ISNAR-IMG est constitué de 2 organes afin de représenter au mieux tous-tes les internes de Médecine Générale :",
              {
                list: [
                  "**le Conseil d'Administration** : il est constitué des représentant-es des vingt-trois subdivisions. Il est l'organe décisionnel et choisit donc les positions du syndicat.",
                  "**le Bureau National** : ses membres portent les motions votées au national auprès de tous-tes les intervenant-es qu'ils et elles côtoient et dans tous les lieux où ils et elles représentent les internes. Il est l'organe exécutif.",
                ],
              },
            ],
          },
          {
            id: "enquete-temps-de-travail",
            title: "ENQUÊTE TEMPS DE TRAVAIL",
            blocks: [
              "En collaboration avec l'ISNI et la FNSIP-BM, nous avons diffusé en 2024 une enquête pour faire le point sur le temps de travail des internes.",
              "Alors que la législation européenne impose 48 heures par semaine maximum, **la moyenne du temps de travail d'un-e interne en 2023 est de {{tt-moyenne}} heures par semaine**, avec **{{tt-plus-80h}} des internes travaillant plus de 80 heures par semaine**. {{tt-extra-medical}} du temps est consacré à des activités extra médicales. Le respect de nos repos de sécurité est encore très inégal, si plutôt respecté pour les gardes, seules **{{tt-repos-demi-garde}} des internes en bénéficient après leur demi-garde de nuit**, et seulement {{tt-repos-astreinte}} après le dernier déplacement d'une astreinte de nuit. Obligatoires depuis 2015, les tableaux de service nominatifs prévisionnels ne sont mis en place que pour {{tt-tableaux-service}} des internes. **Nous exigeons l'application partout, et pour tous et toutes, de ce droit indispensable.**",
            ],
            figureIds: ["tt-moyenne", "tt-plus-80h", "tt-repos-demi-garde"],
          },
          {
            id: "enquete-sante-mentale",
            title: "ENQUÊTE SANTÉ MENTALE",
            blocks: [
              "En 2017 et 2021, deux premières enquêtes sur la santé mentale des étudiant-es en médecine faites conjointement par l'ISNI, l'ANEMF et l'ISNAR-IMG **révèlent des résultats alarmants**. En 2024, une nouvelle enquête retrouve des symptômes anxieux chez {{sm-anxiete}} des étudiant-es, **{{sm-burn-out}} d'externes et internes ont présenté un burn-out, {{sm-idees-suicidaires}} des idées suicidaires dans l'année, seules {{sm-jamais-arret}} internes sur 10 n'ont jamais pensé à arrêter leurs études...** Devant l'urgence à agir, nous dénonçons un immobilisme des politiques publiques et proposons des solutions concrètes pour notre santé mentale !",
            ],
            figureIds: ["sm-burn-out", "sm-idees-suicidaires", "sm-jamais-arret"],
          },
          {
            id: "enquete-dixieme-annee",
            title: "ENQUÊTE SUR LA 10E ANNÉE DE MÉDECINE GÉNÉRALE",
            blocks: [
              "Depuis l'adoption par **49.3 du PLFSS 2023**, la maquette du DES de Médecine Générale a été allongée pour atteindre 10 ans d'études. Depuis, une inaction des pouvoirs publics nous a mené au pied du mur, une réforme supposée aboutir dans 9 mois avec seulement 3 décrets d'application.",
              "Pour encourager à l'action et mettre en évidence la volonté des internes nous avons réalisé une enquête montrant que **{{dix-retrocession}} des internes préféraient un modèle de rémunération avec une part de rétrocession à l'acte**, similaire à notre exercice futur, qui les auraient encouragés à s'installer plus vite. Nous avons aussi mis en évidence la volonté profonde de {{dix-ambulatoire}} des internes à s'installer en ambulatoire malgré les freins actuels.",
            ],
            figureIds: ["dix-retrocession", "dix-ambulatoire"],
          },
          {
            id: "moyens",
            title: "PAR QUELS MOYENS NOUS LES REPRÉSENTONS ?",
            blocks: [
              "Nous sommes présent-es sur les **stands en Congrès**, lors de **réunions et rencontres** avec différent-es acteurs et actrices du monde de la Santé ainsi que dans la **Presse** avec des Communiqués, des Dossiers. Nous utilisons aussi des **enquêtes et des sondages** afin de recueillir au mieux les voix des internes.",
            ],
          },
          {
            id: "ou",
            title: "OÙ EST-CE QU'ON LES REPRÉSENTE ?",
            blocks: [
              {
                tags: [
                  "SÉMINAIRES",
                  "ENSEIGNANT·ES",
                  "CONSEIL NATIONAL DE L'ORDRE DES MÉDECINS",
                  "SYNDICATS SÉNIORS",
                  "INSTANCES",
                  "NÉGOCIATIONS CONVENTIONNELLES",
                  "MINISTÈRES",
                  "PARLEMENT",
                  "MÉDIAS",
                  "CONGRÈS",
                  "ASSEMBLÉE NATIONALE",
                  "SÉNAT",
                ],
              },
            ],
          },
        ],
      },
      {
        id: "defendre",
        title: "DÉFENDRE",
        tagline: null,
        items: [
          {
            id: "ecoute",
            title: "ÊTRE À L'ÉCOUTE DES INTERNES AU QUOTIDIEN",
            blocks: [
              "Les réponses aux questions des internes passent par un système rigoureux de relectures et de vérifications par plusieurs membres du Bureau National afin qu'elles soient toujours pertinentes et qualitatives. Nous sommes toujours disponibles à l'adresse contact@isnar-img.com.",
            ],
          },
          {
            id: "attaque-chu",
            title: "ATTAQUE EN JUSTICE DE TOUS LES CHU DE FRANCE",
            blocks: [
              "En association avec l'ISNI et la FNSIP-BM, nous avons attaqué en justice tous les CHU de France pour non respect du temps de travail. Les procès **contre les 28 CHU de France** ont commencé le 1er février 2024 ! Deux ans plus tard, des **médiations** ont abouties, d'autres sont en cours mais **nous comptabilisons aussi des victoires** comme à Poitiers. Nous poursuivrons notre action jusqu'à gain de cause dans tout l'hexagone",
            ],
          },
          {
            id: "pdsa",
            title: "PERMANENCE DES SOINS AMBULATOIRES",
            blocks: [
              "Nouvelle bataille pour l'ISNAR-IMG ! Elle est actuellement illégale : ses horaires, sa rémunération ou ses repos compensatoires restent indéfinis dans la loi. Elle est pourtant parfois déjà proposée aux internes.",
              "Aujourd'hui cheval de bataille du Gouvernement, l'obligation de la permanence des soins ambulatoires, promet de faire parler d'elle, à propos des internes et plus largement pour la profession médicale libérale en général.",
              "L'abrégé de nos positions sur le sujet est disponible sur notre site internet.",
            ],
          },
          {
            id: "gardes",
            title: "PÉRENNISATION DE LA REVALORISATION DES GARDES",
            blocks: [
              "Victoire pour nous tous-tes les internes. Suite à la grève du 13 octobre 2023 dans un contexte où la Direction Générale de l'Offre de Soins annonçait seulement la pérennisation des gardes pour les médecins thésé-es, nous avons porté la voix des internes et obtenu la revalorisation pérenne des gardes de 50%.",
              "Nous continuerons la lutte pour obtenir une revalorisation de nos salaires !",
            ],
          },
          {
            id: "quatrieme-annee",
            title: "AJOUT D'UNE 4E ANNÉE DE MÉDECINE GÉNÉRALE",
            blocks: [
              "Imposée par 49.3 dans le PLFSS 2023, la 4e année de Médecine Générale n'est pour l'instant pas prête, nous attendons toujours de nombreux décrets d'application et l'assurance d'avoir assez de Maîtres de Stages Universitaires.",
              "Le couplage des stages de Santé de l'Enfant et de Santé de la Femme y est instauré, libérant ainsi un stage libre permettant d'approfondir sa formation en lien avec son projet professionnel. Il instaure également la phase de consolidation avec 2 stages de 6 mois en ambulatoire",
              "L'abrégé de nos positions est disponible sur notre site internet.",
            ],
          },
        ],
      },
      {
        id: "informer",
        title: "INFORMER",
        tagline: null,
        items: [
          {
            id: "charges-de-mission",
            title: "CHARGÉ·ES DE MISSION",
            blocks: [
              'En passant par "Lutte contre les discriminations", "Risques Psycho-sociaux", "Écologie" ou même "Partenariats", "Prévention" et "Lutte contre les Conflits d\'intérêt", l\'ISNAR-IMG se compose d\'internes qui se tiennent au fait des nouveautés dans leur domaine respectif, deviennent acteur·rices des avancées à toutes les échelles et nous partagent leurs connaissances.',
            ],
          },
          {
            id: "determinants",
            title: "DÉTERMINANTS DU PROJET PROFESSIONNEL",
            blocks: [
              "Avec l'ANEMF et ReAGJIR nous unissons nos voix pour la publication d'un rapport sur les déterminants du projet professionnel des futur·es médecins généralistes. Nous proposons un panel de solutions afin de mobiliser les leviers disponibles pour agir sur ces déterminants.",
            ],
          },
          {
            id: "congres-annuel",
            title: "CONGRÈS ANNUEL",
            blocks: [
              "Comme tous les ans, depuis l'an 2000, nous avons la chance de pouvoir organiser le Congrès de l'ISNAR-IMG !",
              "Retrouvez les replays des précédentes éditions sur notre chaîne Youtube !",
            ],
          },
          {
            id: "tour-des-villes",
            title: "TOUR DES VILLES",
            blocks: [
              "Lors des deux mois d'été, nous présentons sur nos réseaux toutes les subdivisions que peuvent choisir les futur·es internes de Médecine Générale. Taille de la subdivision, qualités, contacts, formation : un véritable voyage à bas carbone à travers la France afin d'aider les internes dans ce choix.",
            ],
          },
          { id: "precis", title: "PRÉCIS À L'USAGE DES FUTUR·ES INTERNES", blocks: [] },
          {
            id: "antidote",
            title: "LA REVUE L'ANTIDOTE",
            blocks: [
              "Créée en 2008, la revue de l'ISNAR-IMG a pour objectif l'information comme remède à la soumission et voie d'émancipation pour les internes de Médecine Générale ! Par des internes, pour des internes, retrouvez la dans tous les hôpitaux de France et gratuitement sur notre site internet.",
            ],
          },
          {
            id: "guide-precarite",
            title: "GUIDE PRÉCARITÉ",
            blocks: [
              "Souhaité par les internes, et à leur destination, ce guide, écrit par notre ancien Chargé de Mission Innovations Sociales est disponible sur notre site gratuitement !",
            ],
          },
          {
            id: "webinaires",
            title: "WEBINAIRES/FORMATIONS",
            blocks: [
              "Grâce à nos différents partenariats, nous proposons aux internes des formations, des webinaires ou même parfois des places pour les congrès à gagner ! Suivez-nous sur les réseaux pour rester informé·es !",
            ],
          },
          {
            id: "decryptage",
            title: "DÉCRYPTAGE POLITIQUE",
            blocks: [
              "PLFSS, PPL GAROT, Loi RIST... : nous sommes là pour suivre et décrypter toutes ses actualités si importantes qui rythment et modifient notre quotidien.",
            ],
          },
          {
            id: "violenthospitometre",
            title: "VIOLENT'HOSPITOMÈTRE",
            blocks: [
              "Grâce au travail de notre ancienne Chargée de Mission Lutte Contre les Discriminations, nous avons participé à la création du **VIOLENT'HOSPITOMETRE**. À destination des soignant·es, c'est un outil de repérage des violences sexistes et sexuelles à l'hôpital.",
              "Il est disponible pour toutes et tous et peut être distribué ou affiché dans les services.",
            ],
          },
        ],
      },
    ],
    figures: FIGURES_2026,
    contacts: {
      title: "Nous contacter",
      people: [
        {
          name: "ATIKA BOKHARI",
          role: "PRÉSIDENTE DE L'ISNAR-IMG",
          email: "president@isnar-img.com",
          phone: "06 73 07 53 01",
        },
        {
          name: "PIERRE-ALEXANDRE LECOMTE",
          role: "PORTE-PAROLE DE L'ISNAR-IMG",
          email: "porteparole@isnar-img.com",
          phone: "06 80 82 61 68",
        },
      ],
      websites: ["www.congres.isnar-img.com", "www.isnar-img.com"],
      // The kit shows these under network icons; which icon goes with which name is our reading.
      social: [
        { network: "facebook", handle: "ISNAR IMG Officiel" },
        { network: "linkedin", handle: "ISNAR IMG" },
        { network: "instagram", handle: "@isnarimg" },
        { network: "x", handle: "@isnarimg" },
      ],
    },
  };
}
