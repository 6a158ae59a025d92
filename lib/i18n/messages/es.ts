import { noticeEs, offerEs } from "@/lib/i18n/messages/es-notice";
import type { Translation } from "@/lib/i18n/catalog";
import { demoEs } from "@/lib/i18n/messages/es-integration";

/**
 * Spanish strings, for Spanish speakers in the US: usted, and US usage (celular,
 * mensaje de texto). Every customer namespace is whole (lib/i18n/catalog.ts); the
 * console's namespaces are left out and fall back to English.
 */
export const es = {
  app: {
    name: "Exposure Check",
    skipToContent: "Ir al contenido principal",
    footer:
      "Nunca guardamos su número de teléfono: solo conservamos una huella cifrada del número, y únicamente para responder a esta verificación.",
    footerApiDocs: "Documentación de la API",
  },
  locale: {
    label: "Idioma",
    en: "English",
    es: "Español",
  },
  check: {
    title: "¿Se vio afectada mi cuenta?",
    intro:
      "Escriba el número de celular de su cuenta. Le enviaremos un código por mensaje de texto para confirmar que el número es suyo y luego le diremos si la cuenta aparece en las listas de cuentas afectadas y qué debe hacer.",
    introOpen:
      "Escriba el número de celular de su cuenta para saber si aparece en las listas de cuentas afectadas y qué debe hacer.",
    phoneLabel: "Número de celular",
    phoneHint: "Por ejemplo, (206) 555-0142 o +1 206 555 0142",
    submit: "Envíenme un código",
    submitOpen: "Verificar este número",
    privacy: "Nadie puede consultar su número sin el código que le enviamos por mensaje de texto.",
    demoNotice: "Modo de demostración: no se envían mensajes de texto. Vea su código en la",
    demoOutboxLink: "bandeja de salida de demostración",
    openNotice:
      "Modo abierto: los resultados se muestran sin código. Úselo solo para demostraciones y pruebas internas.",
    notForProduction:
      "No apto para producción: este sitio funciona con ajustes que no son seguros en un sitio público ({settings}). Úselo solo para demostraciones y pruebas.",
    challengeNoScript:
      "Para proteger este servicio contra el abuso, en este momento se necesita JavaScript para enviar un código. Actívelo en su navegador y vuelva a cargar la página, o comuníquese con servicio al cliente.",
    challengeLabel: "Verificación de seguridad automática",
    rateLimited:
      "Llegó al número de intentos permitidos por ahora. Por su seguridad, vuelva a intentarlo en {minutes, plural, one {un minuto} other {# minutos}}. Si necesita ayuda antes, comuníquese con {support}.",
  },
  code: {
    title: "Escriba el código que le enviamos",
    sent: "Si el {phone} puede recibir mensajes de texto, le enviamos un código de 6 dígitos.",
    label: "Código de 6 dígitos",
    hint: "El código vence a los 10 minutos y solo se puede usar una vez.",
    submit: "Ver mi resultado",
    startOver: "Usar otro número",
    resent:
      "Si el {phone} puede recibir mensajes de texto, le enviamos un código nuevo de 6 dígitos. Solo funciona el código más reciente.",
    noCode: "¿No le llegó el código en un minuto o ya se venció?",
    resend: "Enviarme un código nuevo",
    expiresSoon: "Su código vence en más o menos un minuto. Si no le ha llegado, pida uno nuevo.",
    expired: "Este código ya se venció. Podemos enviarle uno nuevo al mismo número.",
    exhausted:
      "Ese fue el último intento con este código y, por su seguridad, ya no funciona. Podemos enviarle un código nuevo al mismo número.",
  },
  result: {
    affectedTitle: "Su cuenta se vio afectada",
    affectedIntro:
      "La cuenta con el número {phone} aparece en las listas de cuentas afectadas. Aquí le mostramos qué datos quedaron expuestos, empezando por los más delicados, y qué hacer ahora.",
    incident: "Incidente: {title}, dado a conocer el {disclosedAt, date, long}",
    category: "Grupo: {name}",
    dataExposed: "Datos expuestos",
    remediationLink: "Qué hacer ahora: {name}",
    notFoundTitle: "No tenemos registro de este número en las listas de cuentas afectadas",
    notFoundIntro: "Verificamos el {phone} en todas las listas de cuentas afectadas que tenemos.",
    notFoundBody:
      "Que no haya registro significa que este número no aparece hoy en esas listas. No garantiza que ninguno de sus datos haya quedado expuesto: las listas pueden cambiar a medida que avanza la investigación. Nunca comparta su PIN ni un código de un solo uso con nadie que se comunique con usted.",
    generalAdvice: "Cómo protegerse del robo de identidad (FTC)",
    generalAdviceUrl: "https://www.robodeidentidad.gov/",
    noticeLink: "Leer el aviso sobre este incidente",
    offer: offerEs,
    checkAnother: "Verificar otro número",
  },
  notice: noticeEs,
  remediation: {
    back: "Volver a la verificación",
    disclosed: "Dado a conocer el {disclosedAt, date, long}",
    dataExposed: "Qué datos quedaron expuestos",
    steps: "Qué hacer ahora",
    print: "Imprimir esta página",
    printHint: "Para guardar una copia, imprima esta página con la opción Imprimir de su navegador.",
    fallbackNotice: "Algunas partes de esta página todavía no están disponibles en su idioma y se muestran en inglés.",
    notFoundTitle: "No se encontró la página",
    notFoundBody: "No encontramos ese incidente o grupo.",
  },
  outbox: {
    title: "Bandeja de salida de demostración",
    intro:
      "El modo de demostración no envía mensajes de texto. Aquí se muestran los últimos mensajes que se habrían enviado, del más reciente al más antiguo, con el número oculto.",
    empty: "Todavía no hay mensajes.",
    to: "Para",
    sentAt: "Enviado",
    body: "Mensaje",
    back: "Volver a la verificación",
  },
  sms: {
    code: "{carrier}: su código de {app} es {code}. Vence en 10 minutos. No lo comparta con nadie: nunca lo llamaremos para pedírselo. Ayuda: {phone}",
  },
  phone: {
    empty: "Escriba su número de celular.",
    invalid_characters: "Un número de teléfono solo puede tener dígitos, espacios, +, paréntesis, puntos y guiones.",
    scientific_notation:
      "Parece un número que una hoja de cálculo convirtió a notación científica. Escriba todos los dígitos.",
    too_short: "Este número es demasiado corto. Incluya el código de área, por ejemplo (206) 555-0142.",
    too_long: "Este número es demasiado largo. Revise que no haya dígitos de más.",
    invalid_country: "Escriba los números internacionales con + y el código del país, por ejemplo +52.",
    invalid_number: "Este no es un número de teléfono válido. Revise el código de área y los dígitos.",
  },
  errors: {
    factor_incorrect: "Ese código no es correcto o ya se usó. Escriba el código que muestra su aplicación ahora.",
    factor_code_format: "Escriba los 6 dígitos de su aplicación, o un código de respaldo como abcde-12345.",
    sign_in_again: "Este inicio de sesión venció o se quedó sin intentos. Vuelva a iniciar sesión con su contraseña.",
    second_factor_required: "Primero configure su segundo factor, en la página de configuración.",
    passkey_failed:
      "No se pudo confirmar su llave de acceso: se canceló, tardó demasiado o no es de esta cuenta. Inténtelo de nuevo.",
    passkey_none: "Todavía no tiene una llave de acceso: confirme con un código de su aplicación de autenticación.",
    totp_exists:
      "Ya tiene una aplicación de autenticación. Para reemplazarla (un teléfono perdido), pida a un propietario que restablezca sus factores.",
    last_factor:
      "Este es su único segundo factor: primero agregue otra llave de acceso, o pida a un propietario que restablezca sus factores.",
    passkey_name_required: "Dé un nombre a la llave de acceso, por ejemplo «Portátil del trabajo».",
    passkey_name_too_long: "El nombre puede tener como máximo 60 caracteres.",
    passkey_not_found: "Esta llave de acceso ya no existe.",
    step_up_required: "Confirme este cambio con un código de su aplicación de autenticación.",
    disable_confirm: "Primero confirme que este usuario ya no podrá iniciar sesión: no se cambió nada.",
    carrier_name_too_long: "El nombre puede tener 80 caracteres como máximo.",
    carrier_logo_invalid: "Escriba una dirección https:// de una imagen, o una ruta de este sitio como /icon.svg.",
    carrier_color_invalid:
      "Escriba un color como #RRGGBB sobre el que el texto blanco se lea bien (contraste de 4.5:1 o más), por ejemplo #0b3d6b.",
    carrier_phone_invalid:
      "Escriba el número como lo marcan los clientes, solo con dígitos, espacios, +, paréntesis, puntos y guiones (40 caracteres como máximo).",
    carrier_url_invalid:
      "Escriba una dirección web que empiece con https://, por ejemplo https://www.example.com/support.",
    carrier_address_too_long: "La dirección puede tener 300 caracteres como máximo.",
    insufficient_space:
      "No hay suficiente espacio en disco para recibir este archivo ahora. Libere espacio o inténtelo más tarde.",
    url_invalid: "Escriba una dirección https:// de 500 caracteres como máximo.",
    contact_too_long: "Este contacto es demasiado largo.",
    months_invalid: "Escriba un número entero de meses, del 1 al 120.",
    offer_incomplete: "Indique el proveedor, la duración y la dirección de inscripción, o ninguno de ellos.",
    offer_codes_unreadable: "No se pudo leer este archivo como CSV.",
    review_required:
      "La revisión por dos personas está activada y usted editó este borrador: otra persona debe publicarlo.",
    nothing_to_publish: "No hay ningún borrador para publicar: guarde sus cambios primero.",
    category_not_empty:
      "Este grupo tiene filas en una lista importada, así que no se puede eliminar. Primero deshaga esas importaciones.",
    confirm_delete: "Marque la casilla para confirmar que desea eliminarlo.",
    invalid_request: "La solicitud no es válida.",
    invalid_phone: "Este no es un número de teléfono válido.",
    code_incorrect:
      "Ese código no es correcto. {attemptsRemaining, plural, =0 {No le quedan intentos: vuelva a empezar.} one {Le queda un intento más.} other {Le quedan # intentos más.}}",
    code_format: "Escriba los 6 dígitos del código, por ejemplo 123456. Esto no contó como intento.",
    unsupported_media_type: "Envíe la solicitud como JSON (Content-Type: application/json).",
    check_not_found: "No encontramos esta verificación. Vuelva a empezar con su número.",
    not_found: "No se encontró.",
    batch_invalid: "Indique el número de un lote de importación.",
    unauthorized: "Primero inicie sesión en la consola.",
    invalid_credentials: "El correo electrónico o la contraseña no son correctos.",
    api_key_required: "Envíe una clave de API: Authorization: Bearer seguido de la clave.",
    invalid_api_key: "Esta clave de API no es válida o fue revocada.",
    name_taken: "Este nombre ya está en uso.",
    api_key_name_required: "Escriba un nombre para la clave.",
    api_key_name_too_long: "El nombre puede tener como máximo 80 caracteres.",
    api_key_name_invalid: "Use solo letras, dígitos, espacios y . _ ( ) / -.",
    api_key_name_digits: "Un nombre no puede tener 7 o más dígitos seguidos (parecerían un número de teléfono).",
    api_key_name_taken: "Ya hay una clave activa con este nombre. Elija otro.",
    api_key_not_found: "Esta clave de API ya no existe.",
    api_key_revoke_confirm: "Marque la casilla para confirmar la revocación.",
    sms_pause_confirm:
      "Marque la casilla para confirmar que se detienen todos los mensajes de texto hasta que un propietario los reanude.",
    forbidden: "Su rol no permite hacer esto.",
    cross_site_request: "Esta solicitud vino de otro sitio. Use las páginas de la consola.",
    challenge_required:
      "Antes de enviarle un código, su navegador debe completar una breve verificación de seguridad automática, que necesita JavaScript. Inténtelo de nuevo.",
    user_exists: "Ya existe un usuario de la consola con este correo electrónico.",
    user_not_found: "Este usuario ya no existe.",
    own_account: "No puede cambiar el rol, desactivar ni eliminar su propia cuenta. Pídaselo a otro propietario.",
    last_owner:
      "Este es el último propietario activo y la consola necesita uno. Primero haga propietario a otro usuario.",
    role_invalid: "Elija un rol.",
    initial_password_choice: "Elija cómo se define la contraseña inicial.",
    delete_confirm: "Marque la casilla para confirmar la eliminación.",
    slug_taken: "Este identificador ya está en uso. Elija otro.",
    slug_invalid: "Use de 2 a 60 letras minúsculas, dígitos y guiones, por ejemplo 2024-05-breach.",
    title_required: "Escriba un título.",
    title_too_long: "El título puede tener como máximo 200 caracteres.",
    summary_required: "Escriba un resumen.",
    summary_too_long: "El resumen puede tener como máximo 5,000 caracteres.",
    name_required: "Escriba un nombre.",
    name_too_long: "El nombre puede tener como máximo 200 caracteres.",
    data_required: "Indique al menos un tipo de dato que quedó expuesto.",
    data_item_too_long: "Cada línea puede tener como máximo 200 caracteres.",
    data_too_many: "Indique como máximo 30 tipos de datos.",
    steps_required: "Escriba al menos un paso.",
    step_too_long: "Cada paso puede tener como máximo 2,000 caracteres.",
    steps_too_many: "Escriba como máximo 20 pasos.",
    sort_order_invalid: "Escriba un número entero del 0 al 9999.",
    email_invalid: "Escriba un correo electrónico, por ejemplo nombre@example.com.",
    password_required: "Escriba su contraseña.",
    password_too_short: "La contraseña debe tener al menos 12 caracteres.",
    password_too_long: "La contraseña puede tener como máximo 128 caracteres.",
    password_mismatch: "Las dos contraseñas nuevas no coinciden.",
    password_unchanged: "Elija una contraseña nueva distinta de la actual.",
    password_weak: "Esta contraseña es demasiado fácil de adivinar. Pruebe con varias palabras sin relación entre sí.",
    password_weak_email:
      "Esta contraseña se parece demasiado a su correo electrónico. Pruebe con varias palabras sin relación entre sí.",
    password_weak_common:
      "Esta contraseña es de las más usadas, o se parece a una de ellas. Pruebe con varias palabras sin relación entre sí.",
    password_weak_words:
      "Una sola palabra o un nombre son fáciles de adivinar. Agregue varias palabras sin relación entre sí.",
    password_weak_pattern:
      "Las filas del teclado, las repeticiones y las secuencias (qwerty, aaa, abc) son fáciles de adivinar. Pruebe con varias palabras sin relación entre sí.",
    password_weak_dates:
      "Las fechas y los años son fáciles de adivinar. Pruebe con varias palabras sin relación entre sí.",
    password_change_required: "Primero cambie su contraseña de un solo uso, en la página Su contraseña.",
    current_password_wrong: "Esta no es su contraseña actual.",
    date_invalid: "Escriba la fecha como AAAA-MM-DD.",
    date_range: "La fecha de inicio no puede ser posterior a la fecha final.",
    code_used: "Este código ya se usó. Vuelva a empezar para recibir uno nuevo.",
    code_expired: "Este código venció. Vuelva a empezar para recibir uno nuevo.",
    code_exhausted: "Demasiados códigos incorrectos. Vuelva a empezar para recibir uno nuevo.",
    payload_too_large: "La solicitud es demasiado grande.",
    number_not_supported:
      "Solo podemos enviar un código a un número de celular de nuestra red. Para verificar cualquier otro número, comuníquese con servicio al cliente.",
    number_not_supported_contact:
      "Solo podemos enviar un código a un número de celular de nuestra red. Para verificar cualquier otro número, comuníquese con {support}.",
    demo_numbers_only:
      "Esta demostración no envía mensajes de texto, así que solo verifica los números de demostración (del 555-0100 al 555-0199, por ejemplo (206) 555-0100). Para verificar un número real se necesita un proveedor de SMS real.",
    rate_limited:
      "Demasiados intentos. Por su seguridad, espere {minutes, plural, one {un minuto} other {# minutos}} y vuelva a intentarlo.",
    internal: "Algo salió mal de nuestro lado. Vuelva a intentarlo en un momento.",
    unavailable: "El servicio no está disponible por ahora. Vuelva a intentarlo en un momento.",
    sms_paused:
      "Por el tráfico inusualmente alto, dejamos de enviar códigos por un tiempo. Vuelva a intentarlo más tarde; no se envió nada.",
    overloaded: "Mucha gente está verificando en este momento. Vuelva a intentarlo en unos segundos.",
    overloaded_title: "Mucha demanda en este momento",
  },
  demo: demoEs,
} as const satisfies Translation;
