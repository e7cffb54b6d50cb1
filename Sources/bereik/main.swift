print("bereik")
