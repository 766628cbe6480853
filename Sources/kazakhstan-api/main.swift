print("kazakhstan-api")
