-- wrk script: cycles through a mix of resources (entities, pages, queries, search, paragraphs, 304s).
local paths = {
  "/organizations/oic", "/countries", "/countries/kz", "/visits?host=kz", "/search?q=%D9%82%D8%B7%D8%B1",
  "/countries?sort=-name.ar&fields=id,name", "/sources/kazakhstan-foreign-relations/paragraphs/3",
  "/organizations/oic/members", "/facts?category=geography&lang=en", "/search?q=Astana&type=places",
  "/people?limit=2&offset=1", "/initiatives/eurasian-union?include=organizations", "/",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
