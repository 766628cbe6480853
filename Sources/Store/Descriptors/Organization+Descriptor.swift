extension Organization {
    public static let descriptor = EntityDescriptor<Organization>(
        fields: [.required("acronym", .string).sortable()],
        filters: [
            // The inverse of `Country.memberships`: an organization's members are not in its own file.
            EntityFilter("member", "organizations these countries belong to", .ids(.countries)) { organization, store in
                store.members(of: organization.id).map(\.id)
            }
        ])
}
