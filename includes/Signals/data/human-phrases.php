<?php
/**
 * The default phrases that ask for a person, prepared for matching (see Human_Request_Signal):
 * generated from Escalation\Default_Intents::human_phrases(); a test fails when they differ. To
 * regenerate, run the PHP tests with HANDOFF_BOT_WRITE_INTENT_MODEL=1 and the filter
 * Human_Phrases_Data_Test.
 *
 * @package HandoffBot
 */

// phpcs:ignoreFile -- generated data.

defined( 'ABSPATH' ) || exit;

return array (
  'key' => 'fd9cf91d824894c3850f695a0716858e',
  'phrases' => 
  array (
    'list' => 
    array (
      0 => 
      array (
        'language' => 'en',
        'phrase' => 'connect me to an agent',
        'words' => 
        array (
          0 => 'connect',
          1 => 'me',
          2 => 'to',
          3 => 'an',
          4 => 'agent',
        ),
        'key' => 'connect',
      ),
      1 => 
      array (
        'language' => 'en',
        'phrase' => 'transfer me to a person',
        'words' => 
        array (
          0 => 'transfer',
          1 => 'me',
          2 => 'to',
          3 => 'a',
          4 => 'person',
        ),
        'key' => 'transfer',
      ),
      2 => 
      array (
        'language' => 'fr',
        'phrase' => 'en relation avec un conseiller',
        'words' => 
        array (
          0 => 'en',
          1 => 'relation',
          2 => 'avec',
          3 => 'un',
          4 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      3 => 
      array (
        'language' => 'pt',
        'phrase' => 'me passa para um atendente',
        'words' => 
        array (
          0 => 'me',
          1 => 'passa',
          2 => 'para',
          3 => 'um',
          4 => 'atendente',
        ),
        'key' => 'atendente',
      ),
      4 => 
      array (
        'language' => 'en',
        'phrase' => 'talk to a person',
        'words' => 
        array (
          0 => 'talk',
          1 => 'to',
          2 => 'a',
          3 => 'person',
        ),
        'key' => 'person',
      ),
      5 => 
      array (
        'language' => 'en',
        'phrase' => 'speak to a person',
        'words' => 
        array (
          0 => 'speak',
          1 => 'to',
          2 => 'a',
          3 => 'person',
        ),
        'key' => 'person',
      ),
      6 => 
      array (
        'language' => 'en',
        'phrase' => 'talk to a human',
        'words' => 
        array (
          0 => 'talk',
          1 => 'to',
          2 => 'a',
          3 => 'human',
        ),
        'key' => 'human',
      ),
      7 => 
      array (
        'language' => 'en',
        'phrase' => 'speak to an agent',
        'words' => 
        array (
          0 => 'speak',
          1 => 'to',
          2 => 'an',
          3 => 'agent',
        ),
        'key' => 'speak',
      ),
      8 => 
      array (
        'language' => 'en',
        'phrase' => 'get me a human',
        'words' => 
        array (
          0 => 'get',
          1 => 'me',
          2 => 'a',
          3 => 'human',
        ),
        'key' => 'human',
      ),
      9 => 
      array (
        'language' => 'en',
        'phrase' => 'live chat with staff',
        'words' => 
        array (
          0 => 'live',
          1 => 'chat',
          2 => 'with',
          3 => 'staff',
        ),
        'key' => 'staff',
      ),
      10 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con una persona',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'una',
          3 => 'persona',
        ),
        'key' => 'persona',
      ),
      11 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con un humano',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'un',
          3 => 'humano',
        ),
        'key' => 'hablar',
      ),
      12 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con un agente',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'un',
          3 => 'agente',
        ),
        'key' => 'hablar',
      ),
      13 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con un asesor',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'un',
          3 => 'asesor',
        ),
        'key' => 'hablar',
      ),
      14 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con un operador',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'un',
          3 => 'operador',
        ),
        'key' => 'operador',
      ),
      15 => 
      array (
        'language' => 'es',
        'phrase' => 'pásame con un agente',
        'words' => 
        array (
          0 => 'pasame',
          1 => 'con',
          2 => 'un',
          3 => 'agente',
        ),
        'key' => 'pasame',
      ),
      16 => 
      array (
        'language' => 'es',
        'phrase' => 'comunicarme con una persona',
        'words' => 
        array (
          0 => 'comunicarme',
          1 => 'con',
          2 => 'una',
          3 => 'persona',
        ),
        'key' => 'comunicarme',
      ),
      17 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con alguien de',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'alguien',
          3 => 'de',
        ),
        'key' => 'alguien',
      ),
      18 => 
      array (
        'language' => 'es',
        'phrase' => 'pasar con un agente',
        'words' => 
        array (
          0 => 'pasar',
          1 => 'con',
          2 => 'un',
          3 => 'agente',
        ),
        'key' => 'agente',
      ),
      19 => 
      array (
        'language' => 'es',
        'phrase' => 'pasar con una persona',
        'words' => 
        array (
          0 => 'pasar',
          1 => 'con',
          2 => 'una',
          3 => 'persona',
        ),
        'key' => 'persona',
      ),
      20 => 
      array (
        'language' => 'es',
        'phrase' => 'con una persona real',
        'words' => 
        array (
          0 => 'con',
          1 => 'una',
          2 => 'persona',
          3 => 'real',
        ),
        'key' => 'persona',
      ),
      21 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler à une personne',
        'words' => 
        array (
          0 => 'parler',
          1 => 'a',
          2 => 'une',
          3 => 'personne',
        ),
        'key' => 'personne',
      ),
      22 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler à un humain',
        'words' => 
        array (
          0 => 'parler',
          1 => 'a',
          2 => 'un',
          3 => 'humain',
        ),
        'key' => 'parler',
      ),
      23 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler à un conseiller',
        'words' => 
        array (
          0 => 'parler',
          1 => 'a',
          2 => 'un',
          3 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      24 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler à un agent',
        'words' => 
        array (
          0 => 'parler',
          1 => 'a',
          2 => 'un',
          3 => 'agent',
        ),
        'key' => 'parler',
      ),
      25 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler avec un conseiller',
        'words' => 
        array (
          0 => 'parler',
          1 => 'avec',
          2 => 'un',
          3 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      26 => 
      array (
        'language' => 'fr',
        'phrase' => 'passez-moi un conseiller',
        'words' => 
        array (
          0 => 'passez',
          1 => 'moi',
          2 => 'un',
          3 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      27 => 
      array (
        'language' => 'fr',
        'phrase' => 'passez-moi un agent',
        'words' => 
        array (
          0 => 'passez',
          1 => 'moi',
          2 => 'un',
          3 => 'agent',
        ),
        'key' => 'passez',
      ),
      28 => 
      array (
        'language' => 'fr',
        'phrase' => 'je veux un conseiller',
        'words' => 
        array (
          0 => 'je',
          1 => 'veux',
          2 => 'un',
          3 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      29 => 
      array (
        'language' => 'fr',
        'phrase' => 'mettez-moi en relation',
        'words' => 
        array (
          0 => 'mettez',
          1 => 'moi',
          2 => 'en',
          3 => 'relation',
        ),
        'key' => 'relation',
      ),
      30 => 
      array (
        'language' => 'fr',
        'phrase' => 'être mis en relation',
        'words' => 
        array (
          0 => 'etre',
          1 => 'mis',
          2 => 'en',
          3 => 'relation',
        ),
        'key' => 'relation',
      ),
      31 => 
      array (
        'language' => 'fr',
        'phrase' => 'mettre en relation avec',
        'words' => 
        array (
          0 => 'mettre',
          1 => 'en',
          2 => 'relation',
          3 => 'avec',
        ),
        'key' => 'relation',
      ),
      32 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler avec un humain',
        'words' => 
        array (
          0 => 'parler',
          1 => 'avec',
          2 => 'un',
          3 => 'humain',
        ),
        'key' => 'parler',
      ),
      33 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einem menschen sprechen',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einem',
          2 => 'menschen',
          3 => 'sprechen',
        ),
        'key' => 'menschen',
      ),
      34 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einem mitarbeiter sprechen',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einem',
          2 => 'mitarbeiter',
          3 => 'sprechen',
        ),
        'key' => 'mitarbeiter',
      ),
      35 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einer person sprechen',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einer',
          2 => 'person',
          3 => 'sprechen',
        ),
        'key' => 'sprechen',
      ),
      36 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einem berater sprechen',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einem',
          2 => 'berater',
          3 => 'sprechen',
        ),
        'key' => 'sprechen',
      ),
      37 => 
      array (
        'language' => 'de',
        'phrase' => 'mit dem kundenservice sprechen',
        'words' => 
        array (
          0 => 'mit',
          1 => 'dem',
          2 => 'kundenservice',
          3 => 'sprechen',
        ),
        'key' => 'kundenservice',
      ),
      38 => 
      array (
        'language' => 'de',
        'phrase' => 'ich will einen menschen',
        'words' => 
        array (
          0 => 'ich',
          1 => 'will',
          2 => 'einen',
          3 => 'menschen',
        ),
        'key' => 'menschen',
      ),
      39 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einem mitarbeiter verbinden',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einem',
          2 => 'mitarbeiter',
          3 => 'verbinden',
        ),
        'key' => 'mitarbeiter',
      ),
      40 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einem menschen verbinden',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einem',
          2 => 'menschen',
          3 => 'verbinden',
        ),
        'key' => 'verbinden',
      ),
      41 => 
      array (
        'language' => 'de',
        'phrase' => 'mit einem menschen reden',
        'words' => 
        array (
          0 => 'mit',
          1 => 'einem',
          2 => 'menschen',
          3 => 'reden',
        ),
        'key' => 'menschen',
      ),
      42 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com uma pessoa',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'uma',
          3 => 'pessoa',
        ),
        'key' => 'pessoa',
      ),
      43 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com um humano',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'um',
          3 => 'humano',
        ),
        'key' => 'humano',
      ),
      44 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com um atendente',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'um',
          3 => 'atendente',
        ),
        'key' => 'atendente',
      ),
      45 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com um agente',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'um',
          3 => 'agente',
        ),
        'key' => 'agente',
      ),
      46 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com o suporte',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'o',
          3 => 'suporte',
        ),
        'key' => 'suporte',
      ),
      47 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com um consultor',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'um',
          3 => 'consultor',
        ),
        'key' => 'consultor',
      ),
      48 => 
      array (
        'language' => 'pt',
        'phrase' => 'preciso de uma pessoa',
        'words' => 
        array (
          0 => 'preciso',
          1 => 'de',
          2 => 'uma',
          3 => 'pessoa',
        ),
        'key' => 'preciso',
      ),
      49 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com o atendimento',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'o',
          3 => 'atendimento',
        ),
        'key' => 'atendimento',
      ),
      50 => 
      array (
        'language' => 'pt',
        'phrase' => 'com uma pessoa real',
        'words' => 
        array (
          0 => 'com',
          1 => 'uma',
          2 => 'pessoa',
          3 => 'real',
        ),
        'key' => 'pessoa',
      ),
      51 => 
      array (
        'language' => 'pt',
        'phrase' => 'passar para um atendente',
        'words' => 
        array (
          0 => 'passar',
          1 => 'para',
          2 => 'um',
          3 => 'atendente',
        ),
        'key' => 'atendente',
      ),
      52 => 
      array (
        'language' => 'pt',
        'phrase' => 'transferir para um atendente',
        'words' => 
        array (
          0 => 'transferir',
          1 => 'para',
          2 => 'um',
          3 => 'atendente',
        ),
        'key' => 'transferir',
      ),
      53 => 
      array (
        'language' => 'en',
        'phrase' => 'talk to someone',
        'words' => 
        array (
          0 => 'talk',
          1 => 'to',
          2 => 'someone',
        ),
        'key' => 'someone',
      ),
      54 => 
      array (
        'language' => 'en',
        'phrase' => 'speak to someone',
        'words' => 
        array (
          0 => 'speak',
          1 => 'to',
          2 => 'someone',
        ),
        'key' => 'someone',
      ),
      55 => 
      array (
        'language' => 'en',
        'phrase' => 'someone from support',
        'words' => 
        array (
          0 => 'someone',
          1 => 'from',
          2 => 'support',
        ),
        'key' => 'someone',
      ),
      56 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con alguien',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'alguien',
        ),
        'key' => 'alguien',
      ),
      57 => 
      array (
        'language' => 'es',
        'phrase' => 'hablar con soporte',
        'words' => 
        array (
          0 => 'hablar',
          1 => 'con',
          2 => 'soporte',
        ),
        'key' => 'soporte',
      ),
      58 => 
      array (
        'language' => 'es',
        'phrase' => 'atención al cliente',
        'words' => 
        array (
          0 => 'atencion',
          1 => 'al',
          2 => 'cliente',
        ),
        'key' => 'atencion',
      ),
      59 => 
      array (
        'language' => 'es',
        'phrase' => 'servicio al cliente',
        'words' => 
        array (
          0 => 'servicio',
          1 => 'al',
          2 => 'cliente',
        ),
        'key' => 'servicio',
      ),
      60 => 
      array (
        'language' => 'es',
        'phrase' => 'quiero un agente',
        'words' => 
        array (
          0 => 'quiero',
          1 => 'un',
          2 => 'agente',
        ),
        'key' => 'quiero',
      ),
      61 => 
      array (
        'language' => 'es',
        'phrase' => 'necesito una persona',
        'words' => 
        array (
          0 => 'necesito',
          1 => 'una',
          2 => 'persona',
        ),
        'key' => 'necesito',
      ),
      62 => 
      array (
        'language' => 'es',
        'phrase' => 'pasar con alguien',
        'words' => 
        array (
          0 => 'pasar',
          1 => 'con',
          2 => 'alguien',
        ),
        'key' => 'alguien',
      ),
      63 => 
      array (
        'language' => 'es',
        'phrase' => 'con un humano',
        'words' => 
        array (
          0 => 'con',
          1 => 'un',
          2 => 'humano',
        ),
        'key' => 'humano',
      ),
      64 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler à quelqu\'un',
        'words' => 
        array (
          0 => 'parler',
          1 => 'a',
          2 => 'quelqu\'un',
        ),
        'key' => 'quelqu\'un',
      ),
      65 => 
      array (
        'language' => 'fr',
        'phrase' => 'parler avec quelqu\'un',
        'words' => 
        array (
          0 => 'parler',
          1 => 'avec',
          2 => 'quelqu\'un',
        ),
        'key' => 'quelqu\'un',
      ),
      66 => 
      array (
        'language' => 'fr',
        'phrase' => 'un vrai humain',
        'words' => 
        array (
          0 => 'un',
          1 => 'vrai',
          2 => 'humain',
        ),
        'key' => 'humain',
      ),
      67 => 
      array (
        'language' => 'fr',
        'phrase' => 'une vraie personne',
        'words' => 
        array (
          0 => 'une',
          1 => 'vraie',
          2 => 'personne',
        ),
        'key' => 'personne',
      ),
      68 => 
      array (
        'language' => 'fr',
        'phrase' => 'contacter un conseiller',
        'words' => 
        array (
          0 => 'contacter',
          1 => 'un',
          2 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      69 => 
      array (
        'language' => 'de',
        'phrase' => 'mit jemandem sprechen',
        'words' => 
        array (
          0 => 'mit',
          1 => 'jemandem',
          2 => 'sprechen',
        ),
        'key' => 'jemandem',
      ),
      70 => 
      array (
        'language' => 'de',
        'phrase' => 'bitte einen mitarbeiter',
        'words' => 
        array (
          0 => 'bitte',
          1 => 'einen',
          2 => 'mitarbeiter',
        ),
        'key' => 'mitarbeiter',
      ),
      71 => 
      array (
        'language' => 'de',
        'phrase' => 'verbinden sie mich',
        'words' => 
        array (
          0 => 'verbinden',
          1 => 'sie',
          2 => 'mich',
        ),
        'key' => 'verbinden',
      ),
      72 => 
      array (
        'language' => 'de',
        'phrase' => 'zu einem mitarbeiter',
        'words' => 
        array (
          0 => 'zu',
          1 => 'einem',
          2 => 'mitarbeiter',
        ),
        'key' => 'mitarbeiter',
      ),
      73 => 
      array (
        'language' => 'de',
        'phrase' => 'einen menschen sprechen',
        'words' => 
        array (
          0 => 'einen',
          1 => 'menschen',
          2 => 'sprechen',
        ),
        'key' => 'menschen',
      ),
      74 => 
      array (
        'language' => 'pt',
        'phrase' => 'falar com alguém',
        'words' => 
        array (
          0 => 'falar',
          1 => 'com',
          2 => 'alguem',
        ),
        'key' => 'alguem',
      ),
      75 => 
      array (
        'language' => 'pt',
        'phrase' => 'atendimento ao cliente',
        'words' => 
        array (
          0 => 'atendimento',
          1 => 'ao',
          2 => 'cliente',
        ),
        'key' => 'atendimento',
      ),
      76 => 
      array (
        'language' => 'pt',
        'phrase' => 'quero um atendente',
        'words' => 
        array (
          0 => 'quero',
          1 => 'um',
          2 => 'atendente',
        ),
        'key' => 'atendente',
      ),
      77 => 
      array (
        'language' => 'en',
        'phrase' => 'real person',
        'words' => 
        array (
          0 => 'real',
          1 => 'person',
        ),
        'key' => 'person',
      ),
      78 => 
      array (
        'language' => 'en',
        'phrase' => 'real human',
        'words' => 
        array (
          0 => 'real',
          1 => 'human',
        ),
        'key' => 'human',
      ),
      79 => 
      array (
        'language' => 'en',
        'phrase' => 'live agent',
        'words' => 
        array (
          0 => 'live',
          1 => 'agent',
        ),
        'key' => 'agent',
      ),
      80 => 
      array (
        'language' => 'en',
        'phrase' => 'live person',
        'words' => 
        array (
          0 => 'live',
          1 => 'person',
        ),
        'key' => 'person',
      ),
      81 => 
      array (
        'language' => 'en',
        'phrase' => 'human agent',
        'words' => 
        array (
          0 => 'human',
          1 => 'agent',
        ),
        'key' => 'human',
      ),
      82 => 
      array (
        'language' => 'en',
        'phrase' => 'customer service',
        'words' => 
        array (
          0 => 'customer',
          1 => 'service',
        ),
        'key' => 'customer',
      ),
      83 => 
      array (
        'language' => 'en',
        'phrase' => 'customer support',
        'words' => 
        array (
          0 => 'customer',
          1 => 'support',
        ),
        'key' => 'customer',
      ),
      84 => 
      array (
        'language' => 'es',
        'phrase' => 'persona real',
        'words' => 
        array (
          0 => 'persona',
          1 => 'real',
        ),
        'key' => 'persona',
      ),
      85 => 
      array (
        'language' => 'es',
        'phrase' => 'agente humano',
        'words' => 
        array (
          0 => 'agente',
          1 => 'humano',
        ),
        'key' => 'agente',
      ),
      86 => 
      array (
        'language' => 'es',
        'phrase' => 'un humano',
        'words' => 
        array (
          0 => 'un',
          1 => 'humano',
        ),
        'key' => 'humano',
      ),
      87 => 
      array (
        'language' => 'fr',
        'phrase' => 'un humain',
        'words' => 
        array (
          0 => 'un',
          1 => 'humain',
        ),
        'key' => 'humain',
      ),
      88 => 
      array (
        'language' => 'fr',
        'phrase' => 'service client',
        'words' => 
        array (
          0 => 'service',
          1 => 'client',
        ),
        'key' => 'service',
      ),
      89 => 
      array (
        'language' => 'fr',
        'phrase' => 'agent humain',
        'words' => 
        array (
          0 => 'agent',
          1 => 'humain',
        ),
        'key' => 'humain',
      ),
      90 => 
      array (
        'language' => 'fr',
        'phrase' => 'un conseiller',
        'words' => 
        array (
          0 => 'un',
          1 => 'conseiller',
        ),
        'key' => 'conseiller',
      ),
      91 => 
      array (
        'language' => 'de',
        'phrase' => 'echter mensch',
        'words' => 
        array (
          0 => 'echter',
          1 => 'mensch',
        ),
        'key' => 'echter',
      ),
      92 => 
      array (
        'language' => 'de',
        'phrase' => 'echten menschen',
        'words' => 
        array (
          0 => 'echten',
          1 => 'menschen',
        ),
        'key' => 'menschen',
      ),
      93 => 
      array (
        'language' => 'de',
        'phrase' => 'echter mitarbeiter',
        'words' => 
        array (
          0 => 'echter',
          1 => 'mitarbeiter',
        ),
        'key' => 'mitarbeiter',
      ),
      94 => 
      array (
        'language' => 'de',
        'phrase' => 'echten mitarbeiter',
        'words' => 
        array (
          0 => 'echten',
          1 => 'mitarbeiter',
        ),
        'key' => 'mitarbeiter',
      ),
      95 => 
      array (
        'language' => 'de',
        'phrase' => 'menschlicher mitarbeiter',
        'words' => 
        array (
          0 => 'menschlicher',
          1 => 'mitarbeiter',
        ),
        'key' => 'menschlicher',
      ),
      96 => 
      array (
        'language' => 'de',
        'phrase' => 'einen mitarbeiter',
        'words' => 
        array (
          0 => 'einen',
          1 => 'mitarbeiter',
        ),
        'key' => 'mitarbeiter',
      ),
      97 => 
      array (
        'language' => 'pt',
        'phrase' => 'atendente humano',
        'words' => 
        array (
          0 => 'atendente',
          1 => 'humano',
        ),
        'key' => 'atendente',
      ),
      98 => 
      array (
        'language' => 'pt',
        'phrase' => 'pessoa real',
        'words' => 
        array (
          0 => 'pessoa',
          1 => 'real',
        ),
        'key' => 'pessoa',
      ),
      99 => 
      array (
        'language' => 'pt',
        'phrase' => 'um humano',
        'words' => 
        array (
          0 => 'um',
          1 => 'humano',
        ),
        'key' => 'humano',
      ),
      100 => 
      array (
        'language' => 'pt',
        'phrase' => 'atendimento humano',
        'words' => 
        array (
          0 => 'atendimento',
          1 => 'humano',
        ),
        'key' => 'atendimento',
      ),
      101 => 
      array (
        'language' => 'pt',
        'phrase' => 'um atendente',
        'words' => 
        array (
          0 => 'um',
          1 => 'atendente',
        ),
        'key' => 'atendente',
      ),
      102 => 
      array (
        'language' => 'en',
        'phrase' => 'representative',
        'words' => 
        array (
          0 => 'representative',
        ),
        'key' => 'representative',
      ),
      103 => 
      array (
        'language' => 'en',
        'phrase' => 'operator',
        'words' => 
        array (
          0 => 'operator',
        ),
        'key' => 'operator',
      ),
      104 => 
      array (
        'language' => 'de',
        'phrase' => 'kundenservice',
        'words' => 
        array (
          0 => 'kundenservice',
        ),
        'key' => 'kundenservice',
      ),
      105 => 
      array (
        'language' => 'de',
        'phrase' => 'kundendienst',
        'words' => 
        array (
          0 => 'kundendienst',
        ),
        'key' => 'kundendienst',
      ),
    ),
    'vocabulary' => 
    array (
      't' => 
      array (
        0 => 'talk',
        1 => 'to',
        2 => 'transfer',
        3 => 'transferir',
      ),
      'a' => 
      array (
        0 => 'a',
        1 => 'agent',
        2 => 'an',
        3 => 'alguien',
        4 => 'agente',
        5 => 'asesor',
        6 => 'atencion',
        7 => 'al',
        8 => 'avec',
        9 => 'alguem',
        10 => 'atendente',
        11 => 'atendimento',
        12 => 'ao',
      ),
      'p' => 
      array (
        0 => 'person',
        1 => 'persona',
        2 => 'pasame',
        3 => 'pasar',
        4 => 'parler',
        5 => 'personne',
        6 => 'passez',
        7 => 'pessoa',
        8 => 'passa',
        9 => 'para',
        10 => 'preciso',
        11 => 'passar',
      ),
      's' => 
      array (
        0 => 'speak',
        1 => 'someone',
        2 => 'service',
        3 => 'support',
        4 => 'staff',
        5 => 'soporte',
        6 => 'servicio',
        7 => 'sprechen',
        8 => 'sie',
        9 => 'suporte',
      ),
      'r' => 
      array (
        0 => 'real',
        1 => 'representative',
        2 => 'relation',
        3 => 'reden',
      ),
      'h' => 
      array (
        0 => 'human',
        1 => 'hablar',
        2 => 'humano',
        3 => 'humain',
      ),
      'l' => 
      array (
        0 => 'live',
      ),
      'c' => 
      array (
        0 => 'customer',
        1 => 'connect',
        2 => 'chat',
        3 => 'con',
        4 => 'cliente',
        5 => 'comunicarme',
        6 => 'conseiller',
        7 => 'client',
        8 => 'contacter',
        9 => 'com',
        10 => 'consultor',
      ),
      'o' => 
      array (
        0 => 'operator',
        1 => 'operador',
        2 => 'o',
      ),
      'f' => 
      array (
        0 => 'from',
        1 => 'falar',
      ),
      'g' => 
      array (
        0 => 'get',
      ),
      'm' => 
      array (
        0 => 'me',
        1 => 'moi',
        2 => 'mettez',
        3 => 'mis',
        4 => 'mettre',
        5 => 'mit',
        6 => 'menschen',
        7 => 'mitarbeiter',
        8 => 'mensch',
        9 => 'menschlicher',
        10 => 'mich',
      ),
      'w' => 
      array (
        0 => 'with',
        1 => 'will',
      ),
      'u' => 
      array (
        0 => 'una',
        1 => 'un',
        2 => 'une',
        3 => 'uma',
        4 => 'um',
      ),
      'q' => 
      array (
        0 => 'quiero',
        1 => 'quelqu\'un',
        2 => 'quero',
      ),
      'n' => 
      array (
        0 => 'necesito',
      ),
      'd' => 
      array (
        0 => 'de',
        1 => 'dem',
      ),
      'v' => 
      array (
        0 => 'vrai',
        1 => 'vraie',
        2 => 'veux',
        3 => 'verbinden',
      ),
      'j' => 
      array (
        0 => 'je',
        1 => 'jemandem',
      ),
      'e' => 
      array (
        0 => 'en',
        1 => 'etre',
        2 => 'einem',
        3 => 'einer',
        4 => 'echter',
        5 => 'echten',
        6 => 'einen',
      ),
      'b' => 
      array (
        0 => 'berater',
        1 => 'bitte',
      ),
      'k' => 
      array (
        0 => 'kundenservice',
        1 => 'kundendienst',
      ),
      'i' => 
      array (
        0 => 'ich',
      ),
      'z' => 
      array (
        0 => 'zu',
      ),
    ),
  ),
);
