// The reader: the source text with every mention highlighted, talking to the API on this server with relative URLs
// (so it works behind a proxy prefix). No framework and no build step. Offsets are asked for in UTF-16 code units
// (`offsets=utf16`), which is how JavaScript strings index, so `text.slice(start, end)` is a mention's text even
// when the text has characters outside the Basic Multilingual Plane.
"use strict";
(function () {
  const PAGE_SIZE = 100;
  const MAX_PAGES = 50; // bounded: a broken `next` link cannot loop forever
  const main = document.getElementById("text");
  const statusLine = document.getElementById("status");
  const card = document.getElementById("card");
  const cardBody = document.getElementById("card-body");
  const cardClose = document.getElementById("card-close");
  /** Mentions by key `<paragraph>-<index>`: the API's mention and its fragments in the DOM (first one focusable). */
  const mentions = new Map();
  let returnFocus = null;
  let cardRequest = 0;

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    return response.json();
  }

  /** A bilingual field ({ar, en}), or the plain string `lang=` makes of it. */
  function inLanguage(value, lang) {
    if (value == null) return "";
    return typeof value === "string" ? value : value[lang] || "";
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value != null) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child != null) node.append(child);
    }
    return node;
  }

  async function paragraphsOf(sourceID) {
    let url = `sources/${encodeURIComponent(sourceID)}/paragraphs?offsets=utf16&limit=${PAGE_SIZE}`;
    const paragraphs = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const body = await getJSON(url);
      paragraphs.push(...body.data);
      url = body.links && body.links.next ? body.links.next : null;
    }
    return paragraphs;
  }

  // Outer mentions first: earlier start, then longer; the API's order breaks ties.
  function outerFirst(a, b) {
    return a.start - b.start || b.end - a.end || a.index - b.index;
  }

  /**
   * One paragraph's text with its mentions as nested spans. Mentions overlap (up to three deep), and may cross
   * rather than nest, so the text is cut at every mention boundary and each piece goes inside the chain of mentions
   * covering it, outermost first. Consecutive pieces share the spans of the mentions they share, so a mention that
   * only nests is one span whose textContent is its quote; one that crosses another is split into fragments (same
   * data-key), of which the first is the focusable one.
   */
  function renderText(container, paragraph) {
    const text = paragraph.text;
    const list = (paragraph.mentions || [])
      .map((mention, index) => Object.assign({}, mention, { index }))
      .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start < m.end && m.end <= text.length);
    const cuts = new Set([0, text.length]);
    for (const m of list) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const stack = [{ node: container, mention: null }];
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const chain = list.filter((m) => m.start <= from && m.end >= to).sort(outerFirst);
      let kept = 0;
      while (kept < chain.length && kept + 1 < stack.length && stack[kept + 1].mention === chain[kept]) kept++;
      stack.length = kept + 1;
      for (const mention of chain.slice(kept)) {
        const span = fragment(paragraph.number, mention);
        stack[stack.length - 1].node.append(span);
        stack.push({ node: span, mention });
      }
      stack[stack.length - 1].node.append(document.createTextNode(text.slice(from, to)));
    }
  }

  function fragment(number, mention) {
    const key = `${number}-${mention.index}`;
    const role = mention.role === "claim" ? "claim" : "name"; // the API says which: "name" | "claim"
    const span = element("span", {
      class: `mention role-${role}`,
      "data-key": key,
      "data-type": mention.type,
      "data-id": mention.id,
      title: [inLanguage(mention.name, "ar"), inLanguage(mention.name, "en")].filter(Boolean).join(" — ") || null,
    });
    let entry = mentions.get(key);
    if (!entry) {
      // The first fragment is the mention's one tab stop: a button that opens its card.
      span.id = `p${number}-m${mention.index}`;
      span.tabIndex = 0;
      span.setAttribute("role", "button");
      span.setAttribute("aria-haspopup", "dialog");
      entry = { mention, fragments: [] };
      mentions.set(key, entry);
    }
    entry.fragments.push(span);
    return span;
  }

  function renderParagraph(paragraph) {
    const block = element("p", { class: "paragraph", id: `p${paragraph.number}`, tabindex: "-1" });
    block.append(element("a", { class: "number", href: `#p${paragraph.number}`, "aria-label": `paragraph ${paragraph.number}` }, String(paragraph.number)));
    const body = element("span", { class: "text" });
    renderText(body, paragraph);
    block.append(body);
    return block;
  }

  // ---- the entity card ----

  function resourceURL(mention) {
    return mention.href || `${mention.type}/${encodeURIComponent(mention.id)}`;
  }

  function citationItem(citation) {
    const translation = citation.translation || {};
    const kind = translation.kind && translation.kind !== "translation" ? ` (${translation.kind})` : "";
    return element(
      "li",
      null,
      element("a", { href: `#p${citation.paragraph}` }, `الفقرة ${citation.paragraph}`),
      element("blockquote", { lang: "ar" }, `«${citation.quote || ""}»`),
      translation.en ? element("span", { class: "translation", lang: "en", dir: "ltr" }, translation.en + kind) : null
    );
  }

  function cardContent(mention, data) {
    // Each language in its own element, so bidi never mixes Arabic and English names on one line.
    const aliasesAr = [].concat((data.aliases && inLanguage(data.aliases, "ar")) || []);
    const aliasesEn = [].concat((data.aliases && inLanguage(data.aliases, "en")) || []);
    const citations = data.citations || [];
    const url = resourceURL(mention);
    return [
      element("h2", { id: "card-name-ar", lang: "ar", tabindex: "-1" }, inLanguage(data.name, "ar")),
      element("p", { class: "name-en", lang: "en", dir: "ltr" }, inLanguage(data.name, "en"), " ", element("span", { class: "kind" }, `· ${mention.type}`)),
      data.description ? element("p", { class: "description", lang: "ar" }, inLanguage(data.description, "ar")) : null,
      data.description ? element("p", { class: "description", lang: "en", dir: "ltr" }, inLanguage(data.description, "en")) : null,
      aliasesAr.length ? element("p", { class: "aliases", lang: "ar" }, "أسماء أخرى: ", aliasesAr.join("، ")) : null,
      aliasesEn.length ? element("p", { class: "aliases", lang: "en", dir: "ltr" }, "Also: ", aliasesEn.join(", ")) : null,
      citations.length ? element("h3", null, `الاستشهادات (${citations.length})`) : null,
      citations.length ? element("ol", null, ...citations.map(citationItem)) : null,
      element("p", { lang: "en", dir: "ltr" }, element("a", { href: url, class: "resource" }, `GET ${url}`)),
    ];
  }

  async function openCard(key) {
    const entry = mentions.get(key);
    if (!entry) return;
    const request = ++cardRequest;
    closeSelection();
    for (const span of entry.fragments) span.classList.add("selected");
    returnFocus = entry.fragments[0];
    card.dataset.key = key;
    card.hidden = false;
    cardBody.replaceChildren(element("p", { class: "status" }, "جارٍ التحميل…"));
    try {
      const body = await getJSON(resourceURL(entry.mention));
      if (request !== cardRequest) return; // another mention was opened meanwhile
      cardBody.replaceChildren(...cardContent(entry.mention, body.data).filter(Boolean));
    } catch (error) {
      if (request !== cardRequest) return;
      cardBody.replaceChildren(element("p", { class: "status error" }, String(error.message || error)));
      console.error(error);
    }
    const heading = document.getElementById("card-name-ar");
    (heading || cardClose).focus();
  }

  function closeSelection() {
    for (const span of document.querySelectorAll(".mention.selected")) span.classList.remove("selected");
  }

  function closeCard() {
    if (card.hidden) return;
    cardRequest++;
    card.hidden = true;
    delete card.dataset.key;
    closeSelection();
    if (returnFocus) returnFocus.focus();
    returnFocus = null;
  }

  // ---- events ----

  main.addEventListener("click", (event) => {
    const span = event.target.closest(".mention");
    if (span) openCard(span.dataset.key);
  });
  main.addEventListener("keydown", (event) => {
    const span = event.target.closest(".mention");
    if (span && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openCard(span.dataset.key);
    }
  });
  cardClose.addEventListener("click", closeCard);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeCard();
  });

  /** `#p3` focuses paragraph 3; `#p3-m2` focuses its third mention and opens its card. */
  function followFragment() {
    const target = decodeURIComponent(location.hash.slice(1));
    if (!/^p\d+(-m\d+)?$/.test(target)) return;
    const node = document.getElementById(target);
    if (!node) return;
    node.scrollIntoView({ block: "center" });
    node.focus({ preventScroll: true });
    if (node.classList.contains("mention")) openCard(node.dataset.key);
  }
  window.addEventListener("hashchange", followFragment);

  async function start() {
    try {
      const sources = await getJSON("sources");
      const source = sources.data[0];
      if (!source) throw new Error("no source text is served");
      const title = inLanguage(source.title, "ar");
      if (title) {
        document.getElementById("title").textContent = title;
        document.title = `${title} — القارئ`;
      }
      const paragraphs = await paragraphsOf(source.id);
      main.replaceChildren(...paragraphs.map(renderParagraph));
      main.setAttribute("aria-busy", "false");
      document.documentElement.dataset.ready = "true";
      followFragment();
    } catch (error) {
      statusLine.textContent = `تعذّر التحميل (could not load): ${error.message || error}`;
      statusLine.classList.add("error");
      document.documentElement.dataset.ready = "error";
      console.error(error);
    }
  }
  start();
})();
